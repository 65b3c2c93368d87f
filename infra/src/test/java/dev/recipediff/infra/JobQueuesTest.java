package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.arnOf;
import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class JobQueuesTest {

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();
    private final RecipediffStack stack = synthesized.stack;
    private final Template template = synthesized.template;

    @Test
    void everyQueueIsEncryptedWithTheDataKey() {
        template.resourceCountIs("AWS::SQS::Queue", 3);
        template.allResourcesProperties(
                "AWS::SQS::Queue",
                Map.of("KmsMasterKeyId", arnOf(stack, stack.keys().data())));
    }

    /**
     * A cost lever that keeps the encryption: SQS asks KMS for a data key once per reuse period and principal
     * instead of per message (docs/performance.md, "What a make costs on AWS").
     */
    @Test
    void everyQueueReusesItsDataKeyForFiveMinutes() {
        template.allResourcesProperties("AWS::SQS::Queue", Map.of("KmsDataKeyReusePeriodSeconds", 300));
    }

    @Test
    void jobsMoveToTheDeadLetterQueueAfterFiveReceives() {
        assertThat(properties(template, logicalId(stack, stack.queues().jobs())).get("RedrivePolicy"))
                .isEqualTo(Map.of(
                        "deadLetterTargetArn", arnOf(stack, stack.queues().jobsDeadLetters()), "maxReceiveCount", 5));
    }

    @Test
    void visibilityTimeoutIsAtLeastSixTimesTheSenderTimeout() {
        Number visibility = (Number)
                properties(template, logicalId(stack, stack.queues().jobs())).get("VisibilityTimeout");
        Number senderTimeout =
                (Number) properties(template, logicalId(stack, stack.sender().function()))
                        .get("Timeout");
        assertThat(visibility.intValue()).isGreaterThanOrEqualTo(6 * senderTimeout.intValue());
    }

    @Test
    void everyQueueRefusesRequestsWithoutTls() {
        template.resourceCountIs("AWS::SQS::QueuePolicy", 3);
        template.allResourcesProperties(
                "AWS::SQS::QueuePolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
