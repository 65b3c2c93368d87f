package dev.recipediff.functions.adapters.sqs;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * {@code recipediff redrive}: moves every message of the DLQ back to the jobs queue — receive, send, then delete
 * only what was sent (the emulator has no StartMessageMoveTask). A message is never deleted before its copy is
 * on the jobs queue; a crash in between leaves a duplicate, which the API's idempotency keys absorb.
 */
public final class SqsRedriver {

    private static final Logger LOG = LoggerFactory.getLogger(SqsRedriver.class);
    private static final int MAX_MESSAGES_PER_RUN = 100_000;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final String jobsQueueUrl;

    /** @param deadLetterQueueUrl the jobs queue's DLQ (not part of {@link FunctionsConfig}: no handler needs it) */
    public SqsRedriver(FunctionsConfig config, String deadLetterQueueUrl) {
        this(
                new AwsClients(config).sqs(),
                deadLetterQueueUrl,
                config.jobsQueueUrl().orElse(null));
    }

    public SqsRedriver(SqsClient sqs, String deadLetterQueueUrl, String jobsQueueUrl) {
        if (deadLetterQueueUrl == null || jobsQueueUrl == null) {
            throw new IllegalArgumentException("redrive needs both queue URLs (JOBS_DLQ_URL and JOBS_QUEUE_URL)");
        }
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.jobsQueueUrl = jobsQueueUrl;
    }

    /** Moves the DLQ's messages to the jobs queue. @return how many were moved */
    public int redrive() {
        int moved = 0;
        while (moved < MAX_MESSAGES_PER_RUN) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(60))
                    .messages();
            if (batch.isEmpty()) {
                break;
            }
            int sent = moveBatch(batch);
            if (sent == 0) {
                LOG.warn("the jobs queue took none of {} messages; stopping, they stay in the DLQ", batch.size());
                break;
            }
            moved += sent;
        }
        LOG.info("moved {} message(s) from the DLQ to the jobs queue", moved);
        return moved;
    }

    private int moveBatch(List<Message> batch) {
        List<SendMessageBatchRequestEntry> copies = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            copies.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(batch.get(i).body())
                    .build());
        }
        SendMessageBatchResponse response =
                sqs.sendMessageBatch(b -> b.queueUrl(jobsQueueUrl).entries(copies));
        List<DeleteMessageBatchRequestEntry> deletions = new ArrayList<>();
        for (SendMessageBatchResultEntry sent : response.successful()) {
            Message original = batch.get(Integer.parseInt(sent.id()));
            deletions.add(DeleteMessageBatchRequestEntry.builder()
                    .id(sent.id())
                    .receiptHandle(original.receiptHandle())
                    .build());
        }
        if (!deletions.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(deletions));
        }
        return deletions.size();
    }
}
