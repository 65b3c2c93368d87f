package dev.recipediff.functions.adapters.sqs;

import dev.recipediff.functions.pipeline.DeadLetters;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobCodec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads the DLQ without consuming it: receives every message (hiding each for a while so that the next receive
 * returns others), then makes them all visible again at once.
 */
public final class SqsDeadLetters implements DeadLetters {

    private static final int HIDE_SECONDS = 60;
    private static final int MAX_MESSAGES = 100_000;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final JobCodec codec = new JobCodec();

    public SqsDeadLetters(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public List<Job> peekJobs() {
        List<Message> seen = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(HIDE_SECONDS))
                    .messages();
            seen.addAll(batch);
        } while (!batch.isEmpty() && seen.size() < MAX_MESSAGES);
        List<Job> jobs = new ArrayList<>();
        for (Message message : seen) {
            try {
                jobs.add(codec.decode(message.body()));
            } catch (JobCodec.MalformedJobException e) {
                // not a job: nothing the reconciler could match against
            }
        }
        showAgain(seen);
        return jobs;
    }

    private void showAgain(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .visibilityTimeout(0)
                        .build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(entries));
        }
    }
}
