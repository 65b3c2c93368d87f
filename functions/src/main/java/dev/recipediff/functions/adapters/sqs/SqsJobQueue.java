package dev.recipediff.functions.adapters.sqs;

import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobCodec;
import dev.recipediff.functions.pipeline.JobQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The jobs queue on SQS: one SendMessageBatch per call, entries identified by their position. */
public final class SqsJobQueue implements JobQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final JobCodec codec = new JobCodec();

    public SqsJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public List<Job> sendBatch(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        if (jobs.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " jobs per batch, got " + jobs.size());
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(codec.encode(jobs.get(i)))
                    .build());
        }
        SendMessageBatchResponse response =
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        List<Job> failed = new ArrayList<>();
        for (BatchResultErrorEntry error : response.failed()) {
            failed.add(jobs.get(Integer.parseInt(error.id())));
        }
        return failed;
    }
}
