package dev.recipediff.local.chaos;

import dev.recipediff.functions.config.AwsClients;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What a chaos run reads of serve's queues: jobs in flight, the DLQ's depth, and (bounded) waits on them. */
final class ChaosQueueWatch {

    private static final Duration QUIET = Duration.ofMinutes(10);

    private final ChaosServe serve;

    ChaosQueueWatch(ChaosServe serve) {
        this.serve = serve;
    }

    /** Jobs received and not yet deleted: being processed. */
    int inFlightJobs() {
        try (SqsClient sqs = new AwsClients(serve.config()).sqs()) {
            return count(
                    sqs,
                    serve.endpoints().jobsQueueUrl(),
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        }
    }

    /** Waits (bounded) until some jobs are being processed, so that a kill hits work in flight. */
    int awaitJobsInFlight(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        int inFlight = inFlightJobs();
        while (inFlight == 0 && System.nanoTime() < deadline) {
            Pauses.pause(Duration.ofMillis(50));
            inFlight = inFlightJobs();
        }
        return inFlight;
    }

    int deadLetterDepth() {
        try (SqsClient sqs = new AwsClients(serve.config()).sqs()) {
            String queue = serve.endpoints().deadLetterQueueUrl();
            return count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                    + count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        }
    }

    /** Waits until the jobs queue is empty, nothing waiting nor in flight; at most {@link #QUIET}. */
    void awaitQuiet() {
        long deadline = System.nanoTime() + QUIET.toNanos();
        try (SqsClient sqs = new AwsClients(serve.config()).sqs()) {
            String queue = serve.endpoints().jobsQueueUrl();
            while (count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            + count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                    > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the jobs queue did not drain within " + QUIET.toMinutes() + " min");
                }
                Pauses.pause(Duration.ofSeconds(1));
            }
        }
    }

    private static int count(SqsClient sqs, String queueUrl, QueueAttributeName attribute) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(attribute))
                .attributes()
                .get(attribute));
    }
}
