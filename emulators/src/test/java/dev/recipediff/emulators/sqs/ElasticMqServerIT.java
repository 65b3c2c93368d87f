package dev.recipediff.emulators.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class ElasticMqServerIT {

    @Test
    void theJobsQueueHasARedrivePolicyToItsDlqAfterFiveReceives() {
        try (var sqs = ElasticMqServer.start(ElasticMqSettings.inMemory(Duration.ofSeconds(30)));
                SqsClient client = sqs.newClient()) {

            var attributes = client.getQueueAttributes(
                            b -> b.queueUrl(sqs.queueUrl()).attributeNames(QueueAttributeName.ALL))
                    .attributes();

            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                    .contains("\"maxReceiveCount\":5")
                    .contains(sqs.deadLetterQueueArn());
            assertThat(attributes.get(QueueAttributeName.QUEUE_ARN)).isEqualTo(sqs.queueArn());
            assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");
        }
    }

    @Test
    void aMessageReceivedFiveTimesWithoutDeletionMovesToTheDlq() {
        try (var sqs = ElasticMqServer.start(ElasticMqSettings.inMemory(Duration.ZERO));
                SqsClient client = sqs.newClient()) {
            client.sendMessage(b -> b.queueUrl(sqs.queueUrl()).messageBody("job"));

            for (int receive = 1; receive <= 5; receive++) {
                assertThat(receiveFrom(client, sqs.queueUrl())).hasSize(1);
            }

            assertThat(receiveFrom(client, sqs.queueUrl())).isEmpty();
            assertThat(receiveFrom(client, sqs.deadLetterQueueUrl()))
                    .singleElement()
                    .extracting(Message::body)
                    .isEqualTo("job");
        }
    }

    @Test
    void persistedMessagesSurviveARestartWithTheirReceiveCount(@TempDir Path dir) {
        var settings = ElasticMqSettings.persistentUnder(dir, Duration.ZERO);
        try (var sqs = ElasticMqServer.start(settings);
                SqsClient client = sqs.newClient()) {
            client.sendMessage(b -> b.queueUrl(sqs.queueUrl()).messageBody("queued before the restart"));
            assertThat(receiveFrom(client, sqs.queueUrl())).hasSize(1);
        }

        try (var sqs = ElasticMqServer.start(settings);
                SqsClient client = sqs.newClient()) {
            List<Message> messages = receiveFrom(client, sqs.queueUrl());

            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(message.body()).isEqualTo("queued before the restart");
                assertThat(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .isEqualTo("2");
            });
        }
    }

    private static List<Message> receiveFrom(SqsClient client, String queueUrl) {
        return client.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }
}
