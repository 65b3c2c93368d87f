package dev.recipediff.functions.lambda.priming;

import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.pipeline.FileKind;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobCodec;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart priming of the watcher: job messages (Jackson's streaming generator), Jackson's data binding
 * (rejection reports), the SQS client
 * (GetQueueAttributes of the jobs queue) and the S3 client (a HEAD of a rejection report no file has; the
 * watcher may not read objects, so S3 answers 403, which still runs the whole request path). Registered by
 * {@code WatcherHandler()} with the handler's own clients; the S3 client, which the handler builds only when it
 * first writes a rejection report, is built by priming so that the snapshot holds it.
 */
public final class WatcherPriming {

    private WatcherPriming() {}

    public static SnapStartPriming register(SqsClient sqs, String queueUrl, Supplier<S3Client> s3, String bucket) {
        return SnapStartPriming.register(create(sqs, queueUrl, s3, bucket));
    }

    static SnapStartPriming create(SqsClient sqs, String queueUrl, Supplier<S3Client> s3, String bucket) {
        return new SnapStartPriming(
                "watcher",
                List.of(
                        new PrimingStep("job messages", () -> new JobCodec()
                                .encode(new Job(
                                        bucket,
                                        PrimingKeys.ABSENT_MAKE,
                                        null,
                                        "priming",
                                        1,
                                        FileKind.MAKE,
                                        PrimingKeys.KITCHEN))),
                        new PrimingStep("jackson (rejection reports)", () -> {
                            try {
                                RecipeJson.mapper()
                                        .readTree(RecipeJson.mapper()
                                                .writeValueAsBytes(
                                                        Map.of("key", PrimingKeys.ABSENT_REJECTION_REPORT, "size", 1)));
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException("a map of strings is always serializable", e);
                            }
                        }),
                        new PrimingStep(
                                "sqs GetQueueAttributes",
                                () -> sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))),
                        PrimingStep.answeredByAws("s3 HeadObject", () -> s3.get()
                                .headObject(b -> b.bucket(bucket).key(PrimingKeys.ABSENT_REJECTION_REPORT)))));
    }
}
