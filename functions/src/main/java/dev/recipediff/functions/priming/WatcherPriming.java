package dev.recipediff.functions.priming;

import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart priming of the watcher: Jackson (job messages and rejection reports), the SQS client
 * (GetQueueAttributes of the jobs queue) and the S3 client (a HEAD of a rejection report no file has; the
 * watcher may not read objects, so S3 answers 403, which still runs the whole request path). Register from
 * {@code WatcherHandler()}: {@code WatcherPriming.register(config)}.
 */
public final class WatcherPriming {

    private WatcherPriming() {
    }

    public static SnapStartPriming register(FunctionsConfig config) {
        AwsClients clients = new AwsClients(config);
        return SnapStartPriming.register(create(clients.sqs(), config.jobsQueueUrl().orElseThrow(
                () -> new IllegalStateException("environment variable JOBS_QUEUE_URL is not set")),
                clients.s3(), config.requireBucketName()));
    }

    static SnapStartPriming create(SqsClient sqs, String queueUrl, S3Client s3, String bucket) {
        return new SnapStartPriming("watcher", List.of(
                new PrimingStep("jackson", () -> {
                    try {
                        RecipeJson.mapper().readTree(RecipeJson.mapper().writeValueAsBytes(
                                Map.of("key", PrimingKeys.ABSENT_REJECTION_REPORT, "size", 1)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("a map of strings is always serializable", e);
                    }
                }),
                new PrimingStep("sqs GetQueueAttributes", () -> sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))),
                PrimingStep.answeredByAws("s3 HeadObject", () -> s3.headObject(
                        b -> b.bucket(bucket).key(PrimingKeys.ABSENT_REJECTION_REPORT)))));
    }
}
