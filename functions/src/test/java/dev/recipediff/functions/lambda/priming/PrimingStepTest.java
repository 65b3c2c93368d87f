package dev.recipediff.functions.lambda.priming;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class PrimingStepTest {

    private static Runnable awsAnswers(int status) {
        return () -> {
            throw AwsServiceException.builder()
                    .statusCode(status)
                    .message("answered " + status)
                    .build();
        };
    }

    @Test
    void anAccessDeniedAnswerCountsAsWarmed() {
        assertThatCode(() -> PrimingStep.answeredByAws("head", awsAnswers(403))
                        .action()
                        .run())
                .doesNotThrowAnyException();
    }

    @Test
    void aNotFoundAnswerCountsAsWarmed() {
        assertThatCode(() -> PrimingStep.answeredByAws("head", awsAnswers(404))
                        .action()
                        .run())
                .doesNotThrowAnyException();
    }

    @Test
    void aServerErrorIsAFailedStep() {
        assertThatThrownBy(() -> PrimingStep.answeredByAws("head", awsAnswers(500))
                        .action()
                        .run())
                .isInstanceOf(AwsServiceException.class);
    }
}
