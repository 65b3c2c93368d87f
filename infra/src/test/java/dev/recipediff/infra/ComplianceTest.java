package dev.recipediff.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

class ComplianceTest {

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();

    @Test
    void awsSolutionsChecksReportNoUnsuppressedError() {
        List<SynthesisMessage> errors =
                synthesized.annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(describe(errors)).isEmpty();
    }

    @Test
    void hipaaSecurityChecksReportNoUnsuppressedError() {
        List<SynthesisMessage> errors =
                synthesized.annotations.findError("*", Match.stringLikeRegexp("HIPAA.Security-.*"));
        assertThat(describe(errors)).isEmpty();
    }

    @Test
    void theStackHasNoErrorAtAll() {
        List<SynthesisMessage> errors = synthesized.annotations.findError("*", Match.anyValue());
        assertThat(describe(errors)).isEmpty();
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .toList();
    }
}
