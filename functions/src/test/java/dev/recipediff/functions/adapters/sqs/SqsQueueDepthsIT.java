package dev.recipediff.functions.adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recipediff.emulators.sqs.ElasticMqExtension;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queue depths from ElasticMQ: the jobs queue, and its dead-letter queue found through the redrive policy. */
@ExtendWith(ElasticMqExtension.class)
class SqsQueueDepthsIT {

    @Test
    void reportsTheJobsQueueAndItsDeadLetterQueue(ElasticMqServer server, SqsClient sqs) {
        SqsQueueDepths status = new SqsQueueDepths(sqs, server.queueUrl());
        int waitingBefore = (int) status.depths().getFirst().messages();

        sqs.sendMessage(send -> send.queueUrl(server.queueUrl()).messageBody("{\"job\":1}"));
        sqs.sendMessage(send -> send.queueUrl(server.deadLetterQueueUrl()).messageBody("{\"job\":2}"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var depths = status.depths();
            assertThat(depths).hasSize(2);
            assertThat(depths.get(0).deadLetter()).isFalse();
            assertThat(depths.get(0).messages()).isEqualTo(waitingBefore + 1);
            assertThat(depths.get(1).deadLetter()).isTrue();
            assertThat(depths.get(1).name())
                    .isEqualTo(server.deadLetterQueueUrl()
                            .substring(server.deadLetterQueueUrl().lastIndexOf('/') + 1));
            assertThat(depths.get(1).messages()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aQueueWithoutARedrivePolicyHasNoDeadLetterQueue() {
        assertThat(SqsQueueDepths.deadLetterQueueName(null)).isEmpty();
        assertThat(
                        SqsQueueDepths.deadLetterQueueName(
                                "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:recipediff-jobs-dlq\",\"maxReceiveCount\":5}"))
                .contains("recipediff-jobs-dlq");
    }
}
