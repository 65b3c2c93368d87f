package dev.recipediff.local.status;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.local.deployment.Deployment;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What {@code recipediff status} shows: queue and DLQ depth, and per kitchen the recipe, make and
 * rejection-report files in the bucket.
 */
public record StatusReport(long queued, long inFlight, long deadLettered, Map<String, KitchenFiles> kitchens) {

    public record KitchenFiles(long recipes, long makes, long rejections) {
        KitchenFiles plus(String folder) {
            return switch (folder) {
                case "recipes" -> new KitchenFiles(recipes + 1, makes, rejections);
                case "makes" -> new KitchenFiles(recipes, makes + 1, rejections);
                case "rejected" -> new KitchenFiles(recipes, makes, rejections + 1);
                default -> this;
            };
        }
    }

    public static StatusReport of(Deployment deployment) {
        String jobsQueueUrl = deployment.requireJobsQueueUrl();
        String deadLetterQueueUrl = deployment.requireDeadLetterQueueUrl();
        String bucket = deployment.requireBucket();
        var aws = new AwsClients(deployment.functionsConfig());
        try (SqsClient sqs = aws.sqs();
                S3Client s3 = aws.s3()) {
            var jobs = depth(sqs, jobsQueueUrl);
            var dlq = depth(sqs, deadLetterQueueUrl);
            Map<String, KitchenFiles> kitchens = new TreeMap<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(object -> {
                String[] parts = object.key().split("/", 3);
                if (parts.length == 3) {
                    kitchens.merge(
                            parts[0],
                            new KitchenFiles(0, 0, 0).plus(parts[1]),
                            (a, b) -> new KitchenFiles(
                                    a.recipes() + b.recipes(), a.makes() + b.makes(), a.rejections() + b.rejections()));
                }
            });
            return new StatusReport(
                    jobs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    jobs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    dlq.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            + dlq.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    kitchens);
        }
    }

    private static Map<QueueAttributeName, Long> depth(SqsClient sqs, String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Map.of(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                Long.parseLong(
                        attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
    }

    public String render() {
        var text = new StringBuilder();
        text.append("jobs queue: ")
                .append(queued)
                .append(" waiting, ")
                .append(inFlight)
                .append(" in flight\n");
        text.append("dead-letter queue: ")
                .append(deadLettered)
                .append(deadLettered > 0 ? " (inspect, fix, then `recipediff redrive`)" : "")
                .append('\n');
        if (kitchens.isEmpty()) {
            text.append("bucket: no files yet\n");
        }
        kitchens.forEach((kitchen, files) -> text.append("kitchen ")
                .append(kitchen)
                .append(": ")
                .append(files.recipes())
                .append(" recipe files, ")
                .append(files.makes())
                .append(" make files, ")
                .append(files.rejections())
                .append(" rejections\n"));
        return text.toString();
    }
}
