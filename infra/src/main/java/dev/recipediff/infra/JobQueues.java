package dev.recipediff.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The jobs queue (watcher → sender) with its dead-letter queue, and the dead-letter queue that keeps S3
 * events the watcher could not handle after Lambda's asynchronous retries. All KMS-encrypted with the
 * data key, TLS-only, 14 days retention on the dead-letter queues.
 */
public final class JobQueues extends Construct {

    public static final int MAX_RECEIVE_COUNT = 5;
    /** Lambda's guidance: visibility timeout at least six times the consumer's timeout. */
    public static final int VISIBILITY_TIMEOUT_FACTOR = 6;

    private final Queue jobs;
    private final Queue jobsDeadLetters;
    private final Queue watcherDeadLetters;

    public JobQueues(Construct scope, String id, IKey dataKey, Duration senderTimeout) {
        super(scope, id);
        jobsDeadLetters = encryptedQueue("JobsDeadLetters", dataKey)
                .retentionPeriod(Duration.days(14))
                .build();
        jobs = encryptedQueue("Jobs", dataKey)
                .visibilityTimeout(Duration.seconds(senderTimeout.toSeconds().longValue() * VISIBILITY_TIMEOUT_FACTOR))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(jobsDeadLetters)
                        .maxReceiveCount(MAX_RECEIVE_COUNT)
                        .build())
                .build();
        watcherDeadLetters = encryptedQueue("WatcherDeadLetters", dataKey)
                .retentionPeriod(Duration.days(14))
                .build();
    }

    private Queue.Builder encryptedQueue(String id, IKey dataKey) {
        return Queue.Builder.create(this, id)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(dataKey)
                .dataKeyReuse(Duration.minutes(5))
                .enforceSsl(true);
    }

    public Queue jobs() {
        return jobs;
    }

    public Queue jobsDeadLetters() {
        return jobsDeadLetters;
    }

    public Queue watcherDeadLetters() {
        return watcherDeadLetters;
    }
}
