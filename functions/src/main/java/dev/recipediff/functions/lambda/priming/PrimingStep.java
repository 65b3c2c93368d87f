package dev.recipediff.functions.lambda.priming;

import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One named warm-up action run before the SnapStart snapshot.
 *
 * @param name   what it warms, for the log line when it fails
 * @param action the warm-up itself
 */
public record PrimingStep(String name, Runnable action) {

    public PrimingStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
    }

    /**
     * A step whose AWS call is expected to be refused (403) or to find nothing (404): the whole request and
     * response path (signing, HTTP, TLS, error unmarshalling) ran, which is what priming is for, without the
     * function needing a permission or a resource only priming would use.
     */
    public static PrimingStep answeredByAws(String name, Runnable call) {
        return new PrimingStep(name, () -> {
            try {
                call.run();
            } catch (AwsServiceException answered) {
                if (answered.statusCode() != 403 && answered.statusCode() != 404) {
                    throw answered;
                }
            }
        });
    }
}
