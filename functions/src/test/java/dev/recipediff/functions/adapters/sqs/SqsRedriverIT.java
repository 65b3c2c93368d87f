package dev.recipediff.functions.adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.functions.pipeline.QueueEmulators;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** {@code recipediff redrive} against ElasticMQ (which has no StartMessageMoveTask). */
class SqsRedriverIT {

    private static QueueEmulators emulators;

    @BeforeAll
    static void start() throws Exception {
        emulators = QueueEmulators.start(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    @Test
    void everyMessageOfTheDlqMovesBackToTheJobsQueueUnchanged() {
        String dlq = emulators.sqs.deadLetterQueueUrl();
        IntStream.range(0, 23)
                .forEach(i ->
                        emulators.sqsClient.sendMessage(b -> b.queueUrl(dlq).messageBody("job-" + i)));
        SqsRedriver redriver = new SqsRedriver(emulators.config(), dlq);

        int moved = redriver.redrive();

        assertThat(moved).isEqualTo(23);
        assertThat(emulators.drain(emulators.sqs.queueUrl()))
                .extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 23).mapToObj(i -> "job-" + i).toList());
        assertThat(emulators.depth(dlq)).isZero();
    }

    @Test
    void anEmptyDlqMovesNothing() {
        assertThat(new SqsRedriver(emulators.config(), emulators.sqs.deadLetterQueueUrl()).redrive())
                .isZero();
    }
}
