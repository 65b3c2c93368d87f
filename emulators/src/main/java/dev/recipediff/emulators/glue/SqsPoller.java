package dev.recipediff.emulators.glue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What the Lambda SQS event source mapping does, on one machine: long-polls the queue, invokes the handler
 * with batches of up to 10 records shaped like AWS's {@link SQSEvent}, and deletes every message the
 * handler did not report in {@link SQSBatchResponse#getBatchItemFailures()} (partial batch response). A
 * handler that throws, or reports an id that is not in the batch, fails the whole batch: nothing is deleted
 * and every message comes back after the visibility timeout (then to the DLQ after maxReceiveCount).
 */
public final class SqsPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsPoller.class);
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final SqsPollerSettings settings;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Thread poller;
    private volatile boolean running = true;

    public SqsPoller(SqsClient sqs, SqsPollerSettings settings, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this.sqs = sqs;
        this.settings = settings;
        this.handler = handler;
        this.poller = Thread.ofPlatform()
                .name("sqs-event-source-" + settings.functionName())
                .daemon(true)
                .unstarted(this::pollUntilStopped);
    }

    public SqsPoller start() {
        poller.start();
        return this;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(settings.queueUrl())
                                .maxNumberOfMessages(Math.min(MAX_BATCH, settings.batchSize()))
                                .waitTimeSeconds((int) settings.pollWait().toSeconds())
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                                .messageAttributeNames("All"))
                        .messages();
                if (!messages.isEmpty() && running) {
                    deliver(messages);
                }
                // received while stopping: not delivered, they come back after the visibility timeout
            } catch (SdkException e) {
                if (running) {
                    LOG.warn("polling {} failed, retrying: {}", settings.queueUrl(), e.getMessage());
                    pause(settings.errorBackoff());
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        SQSEvent event = eventFor(messages);
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(
                    event, new LocalLambdaContext(settings.functionName(), settings.invocationTimeout()));
            failed = failedIds(response, messages);
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} failed a batch of {} messages; they return after the visibility timeout: {}",
                    settings.functionName(),
                    messages.size(),
                    e.toString());
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(message.messageId())
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        if (!done.isEmpty()) {
            var result =
                    sqs.deleteMessageBatch(b -> b.queueUrl(settings.queueUrl()).entries(done));
            result.failed().forEach(f -> LOG.warn("could not delete message {}: {}", f.id(), f.message()));
        }
    }

    /** The ids to keep; all of them when the response names an id that is not in the batch (as AWS does). */
    private static Set<String> failedIds(SQSBatchResponse response, List<Message> messages) {
        if (response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> inBatch = new HashSet<>();
        messages.forEach(m -> inBatch.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (var failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                LOG.warn("batch response names an unknown message id; the whole batch is retried");
                return inBatch;
            }
            failed.add(id);
        }
        return failed;
    }

    SQSEvent eventFor(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(settings.queueArn());
            record.setAwsRegion(settings.region());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, attributeOf(value)));
            record.setMessageAttributes(messageAttributes);
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attributeOf(MessageAttributeValue value) {
        var attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(ByteBuffer.wrap(value.binaryValue().asByteArray()));
        }
        return attribute;
    }

    /**
     * Stops polling and waits up to {@code grace} for the batch in flight; a batch still running then is
     * abandoned (its messages return after the visibility timeout).
     */
    public void stop(Duration grace) {
        running = false;
        try {
            if (!poller.join(grace)) {
                LOG.warn(
                        "{} did not finish its batch within {} s; it will be retried",
                        settings.functionName(),
                        grace.toSeconds());
                poller.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
