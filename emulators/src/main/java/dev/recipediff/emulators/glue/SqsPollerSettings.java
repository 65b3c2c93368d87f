package dev.recipediff.emulators.glue;

import java.time.Duration;

/**
 * One SQS → Lambda event source mapping.
 *
 * @param batchSize  1..10 records per invocation
 * @param pollWait   long-poll wait per receive (0..20 s); also bounds how long stopping waits for the poll
 */
public record SqsPollerSettings(
        String functionName,
        String queueUrl,
        String queueArn,
        String region,
        int batchSize,
        Duration pollWait,
        Duration invocationTimeout,
        Duration errorBackoff) {

    public SqsPollerSettings {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be 1..10, was " + batchSize);
        }
        if (pollWait.isNegative() || pollWait.toSeconds() > 20) {
            throw new IllegalArgumentException("poll wait must be 0..20 s, was " + pollWait);
        }
    }

    /** Batches of 10, 1 s long polls (so a stop is quick), 60 s invocation timeout, 1 s back-off on errors. */
    public static SqsPollerSettings of(String functionName, String queueUrl, String queueArn, String region) {
        return new SqsPollerSettings(
                functionName,
                queueUrl,
                queueArn,
                region,
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(1));
    }
}
