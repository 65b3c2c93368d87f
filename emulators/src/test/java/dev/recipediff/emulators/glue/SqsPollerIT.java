package dev.recipediff.emulators.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.recipediff.emulators.sqs.ElasticMqExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class SqsPollerIT {

    @RegisterExtension
    static final ElasticMqExtension SQS = new ElasticMqExtension(Duration.ofSeconds(1));

    private final List<SQSEvent.SQSMessage> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void emptyQueues() {
        SQS.purge();
    }

    @Test
    void recordsAreShapedLikeTheAwsSqsEvent() {
        send(List.of("one"));

        try (var ignored = sourceWith((event, context) -> {
                    received.addAll(event.getRecords());
                    return new SQSBatchResponse(List.of());
                })
                .start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        }

        var record = received.getFirst();
        assertThat(record.getBody()).isEqualTo("one");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo(SQS.server().queueArn());
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getMessageId()).isNotBlank();
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getAttributes())
                .containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
    }

    @Test
    void onlyTheMessagesReportedFailedStayInTheQueue() {
        send(IntStream.range(0, 10).mapToObj(i -> "job-" + i).toList());
        Set<String> bad = Set.of("job-2", "job-5", "job-7");

        try (var ignored = sourceWith((event, context) -> {
                    received.addAll(event.getRecords());
                    return new SQSBatchResponse(event.getRecords().stream()
                            .filter(r -> bad.contains(r.getBody()))
                            .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId()))
                            .toList());
                })
                .start()) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received.stream()
                                    .filter(r -> "2".equals(r.getAttributes().get("ApproximateReceiveCount")))
                                    .map(SQSEvent.SQSMessage::getBody)
                                    .distinct()
                                    .count()
                            == 3);
        }

        assertThat(received.stream()
                        .filter(r -> !"1".equals(r.getAttributes().get("ApproximateReceiveCount")))
                        .map(SQSEvent.SQSMessage::getBody))
                .allMatch(bad::contains);
    }

    @Test
    void aHandlerThatThrowsLeavesTheWholeBatchForRetry() {
        send(List.of("a", "b"));

        try (var ignored = sourceWith((event, context) -> {
                    received.addAll(event.getRecords());
                    throw new IllegalStateException("downstream unavailable");
                })
                .start()) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received.stream()
                                    .filter(r -> "2".equals(r.getAttributes().get("ApproximateReceiveCount")))
                                    .count()
                            == 2);
        }
    }

    @Test
    void aBatchResponseNamingAnUnknownIdFailsTheWholeBatch() {
        send(List.of("x", "y"));

        try (var ignored = sourceWith((event, context) -> {
                    received.addAll(event.getRecords());
                    return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-in-this-batch")));
                })
                .start()) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received.stream()
                                    .filter(r -> "2".equals(r.getAttributes().get("ApproximateReceiveCount")))
                                    .count()
                            == 2);
        }
    }

    @Test
    void batchesHoldAtMostTenRecords() {
        send(IntStream.range(0, 10).mapToObj(i -> "first-" + i).toList());
        send(IntStream.range(0, 5).mapToObj(i -> "second-" + i).toList());
        List<Integer> sizes = new CopyOnWriteArrayList<>();

        try (var ignored = sourceWith((event, context) -> {
                    sizes.add(event.getRecords().size());
                    received.addAll(event.getRecords());
                    return new SQSBatchResponse(List.of());
                })
                .start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 15);
        }

        assertThat(sizes).allMatch(size -> size <= 10);
    }

    private SqsPoller sourceWith(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        var server = SQS.server();
        return new SqsPoller(
                SQS.client(),
                SqsPollerSettings.of("sender", server.queueUrl(), server.queueArn(), "us-east-1"),
                handler);
    }

    private static void send(List<String> bodies) {
        var entries = IntStream.range(0, bodies.size())
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(bodies.get(i))
                        .build())
                .toList();
        SQS.client().sendMessageBatch(b -> b.queueUrl(SQS.server().queueUrl()).entries(entries));
    }
}
