package dev.recipediff.emulators.sqs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the embedded SQS: one jobs queue with its dead-letter queue.
 *
 * @param storageDirectory empty keeps messages in memory (tests); else queues and messages are persisted there
 * @param maxReceiveCount  receives before a message moves to the DLQ (5, as the AWS stack sets it)
 */
public record ElasticMqSettings(
        Optional<Path> storageDirectory,
        String queueName,
        String deadLetterQueueName,
        Duration visibilityTimeout,
        int maxReceiveCount,
        String region) {

    public static final String JOBS_QUEUE = "recipediff-jobs";
    public static final String JOBS_DLQ = "recipediff-jobs-dlq";
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    public ElasticMqSettings {
        Objects.requireNonNull(storageDirectory, "storageDirectory");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(deadLetterQueueName, "deadLetterQueueName");
        Objects.requireNonNull(region, "region");
        if (visibilityTimeout.isNegative() || visibilityTimeout.toSeconds() > 43_200) {
            throw new IllegalArgumentException("visibility timeout must be 0..12 h, was " + visibilityTimeout);
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be >= 1, was " + maxReceiveCount);
        }
    }

    public static ElasticMqSettings inMemory(Duration visibilityTimeout) {
        return new ElasticMqSettings(
                Optional.empty(), JOBS_QUEUE, JOBS_DLQ, visibilityTimeout, MAX_RECEIVE_COUNT, DEFAULT_REGION);
    }

    public static ElasticMqSettings persistentUnder(Path directory, Duration visibilityTimeout) {
        return new ElasticMqSettings(
                Optional.of(directory), JOBS_QUEUE, JOBS_DLQ, visibilityTimeout, MAX_RECEIVE_COUNT, DEFAULT_REGION);
    }

    public ElasticMqSettings withVisibilityTimeout(Duration timeout) {
        return new ElasticMqSettings(
                storageDirectory, queueName, deadLetterQueueName, timeout, maxReceiveCount, region);
    }
}
