package dev.recipediff.functions.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.dashboard.QueueDepth;
import dev.recipediff.functions.dashboard.QueueDepths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The depth of the jobs queue and of its dead-letter queue, for {@code GET /pipeline/status}. The dead-letter
 * queue is found from the jobs queue's redrive policy, so only the jobs queue URL is configured. Needs
 * {@code sqs:GetQueueAttributes} on both queues and {@code sqs:GetQueueUrl} on the dead-letter queue.
 */
public final class SqsQueueDepths implements QueueDepths {

    private static final List<QueueAttributeName> DEPTHS = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.REDRIVE_POLICY);

    private final SqsClient sqs;
    private final String jobsQueueUrl;

    public SqsQueueDepths(SqsClient sqs, String jobsQueueUrl) {
        this.sqs = sqs;
        this.jobsQueueUrl = jobsQueueUrl;
    }

    @Override
    public List<QueueDepth> depths() {
        List<QueueDepth> depths = new ArrayList<>();
        Map<QueueAttributeName, String> jobs = attributes(jobsQueueUrl);
        depths.add(depth(jobsQueueUrl, false, jobs));
        deadLetterQueueName(jobs.get(QueueAttributeName.REDRIVE_POLICY)).ifPresent(name -> {
            String url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
            depths.add(depth(url, true, attributes(url)));
        });
        return depths;
    }

    private Map<QueueAttributeName, String> attributes(String queueUrl) {
        return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(DEPTHS))
                .attributes();
    }

    private static QueueDepth depth(String url, boolean deadLetter, Map<QueueAttributeName, String> attributes) {
        return new QueueDepth(
                url.substring(url.lastIndexOf('/') + 1),
                deadLetter,
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    }

    /** The queue name at the end of the redrive policy's {@code deadLetterTargetArn}. */
    static Optional<String> deadLetterQueueName(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode arn = RecipeJson.mapper().readTree(redrivePolicy).path("deadLetterTargetArn");
            return arn.isTextual() && arn.asText().contains(":")
                    ? Optional.of(arn.asText().substring(arn.asText().lastIndexOf(':') + 1))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the jobs queue has an unreadable redrive policy", e);
        }
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
