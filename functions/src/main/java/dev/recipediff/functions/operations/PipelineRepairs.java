package dev.recipediff.functions.operations;

import dev.recipediff.functions.adapters.s3.S3FileStore;
import dev.recipediff.functions.adapters.s3.S3RejectionReports;
import dev.recipediff.functions.adapters.sqs.SqsDeadLetters;
import dev.recipediff.functions.adapters.sqs.SqsJobQueue;
import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.pipeline.JobEnqueuer;
import dev.recipediff.functions.pipeline.Reconciler;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.RecipeTable;
import java.time.Clock;
import java.time.Duration;

/**
 * The operators' repairs ({@code recipediff reconcile}, {@code recipediff redrive}) wired to the configured
 * bucket, queues and table: the composition root of the pipeline's repair tools, as the handlers in
 * {@code functions.lambda} are of the functions.
 */
public final class PipelineRepairs {

    private PipelineRepairs() {}

    /**
     * {@link Reconciler} against the configured bucket, jobs queue and table.
     *
     * @param deadLetterQueueUrl the jobs queue's DLQ (not part of {@link FunctionsConfig}: no handler needs it)
     */
    public static Reconciler reconciler(FunctionsConfig config, String deadLetterQueueUrl) {
        AwsClients aws = new AwsClients(config);
        String bucket = config.requireBucketName();
        return new Reconciler(
                bucket,
                new S3FileStore(aws.s3(), bucket),
                new S3RejectionReports(aws.s3(), bucket),
                new IdempotencyRecords(
                        new RecipeTable(aws.dynamoDb(), config.requireTableName()),
                        Clock.systemUTC(),
                        Duration.ofMinutes(1))::isApplied,
                new SqsDeadLetters(aws.sqs(), deadLetterQueueUrl),
                new JobEnqueuer(new SqsJobQueue(aws.sqs(), config.requireJobsQueueUrl())),
                Clock.systemUTC());
    }

    /** {@link SqsRedriver}: moves the dead-letter queue's messages back to the configured jobs queue. */
    public static SqsRedriver redriver(FunctionsConfig config, String deadLetterQueueUrl) {
        return new SqsRedriver(config, deadLetterQueueUrl);
    }
}
