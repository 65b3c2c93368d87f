package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.recipediff.emulators.glue.SqsPoller;
import dev.recipediff.emulators.glue.SqsPollerSettings;
import dev.recipediff.emulators.sqs.ElasticMqExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sender's pollers as an operator controls them: stopped (even without grace) and started again. */
class SenderPollingIT {

    @RegisterExtension
    static final ElasticMqExtension SQS = new ElasticMqExtension(Duration.ofSeconds(1));

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final RequestHandler<SQSEvent, SQSBatchResponse> sender = (event, context) -> {
        event.getRecords().forEach(record -> handled.add(record.getBody()));
        return new SQSBatchResponse(List.of());
    };
    private SenderPolling polling;

    @BeforeEach
    void startPolling() {
        SQS.purge();
        polling = new SenderPolling(
                () -> new SqsPoller(
                        SQS.client(),
                        SqsPollerSettings.of(
                                "sender", SQS.server().queueUrl(), SQS.server().queueArn(), "us-east-1"),
                        sender),
                2);
        polling.start();
    }

    @AfterEach
    void stopPolling() {
        polling.stop(Duration.ofSeconds(2));
    }

    @Test
    void stoppedWithoutGraceItTakesNoJobsUntilStartedAgain() {
        polling.stop(Duration.ZERO);
        assertThat(polling.polling()).isFalse();

        SQS.client().sendMessage(b -> b.queueUrl(SQS.server().queueUrl()).messageBody("job-1"));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(handled::isEmpty);
        polling.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("job-1"));
        assertThat(polling.polling()).isTrue();
    }

    @Test
    void startingPollersThatRunAlreadyAddsNone() {
        polling.start();

        SQS.client().sendMessage(b -> b.queueUrl(SQS.server().queueUrl()).messageBody("job-2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("job-2"));
        assertThat(handled).containsExactly("job-2");
    }
}
