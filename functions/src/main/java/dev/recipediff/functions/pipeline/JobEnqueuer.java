package dev.recipediff.functions.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts jobs on the queue in batches of at most ten; retries the entries the queue did not take, with a growing
 * pause, and gives up loudly — so that the caller's invocation fails and S3/Lambda delivers the event again.
 */
public final class JobEnqueuer {

    private static final Logger LOG = LoggerFactory.getLogger(JobEnqueuer.class);

    private final JobQueue queue;
    private final int attempts;
    private final Duration firstPause;

    public JobEnqueuer(JobQueue queue) {
        this(queue, 4, Duration.ofMillis(100));
    }

    public JobEnqueuer(JobQueue queue, int attempts, Duration firstPause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.queue = queue;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    /** Sends all jobs. @throws JobsNotQueuedException when some could not be sent after every attempt */
    public void enqueue(List<Job> jobs) {
        List<Job> unsent = new ArrayList<>();
        for (int from = 0; from < jobs.size(); from += JobQueue.MAX_BATCH) {
            unsent.addAll(sendWithRetries(jobs.subList(from, Math.min(jobs.size(), from + JobQueue.MAX_BATCH))));
        }
        if (!unsent.isEmpty()) {
            throw new JobsNotQueuedException(unsent);
        }
    }

    private List<Job> sendWithRetries(List<Job> batch) {
        List<Job> pending = batch;
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                LOG.warn(
                        "{} of {} jobs were not queued; attempt {} of {}",
                        pending.size(),
                        batch.size(),
                        attempt,
                        attempts);
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
            pending = sendOnce(pending);
        }
        return pending;
    }

    private List<Job> sendOnce(List<Job> batch) {
        try {
            return queue.sendBatch(batch);
        } catch (RuntimeException e) {
            LOG.warn("sending a batch of {} jobs failed: {}", batch.size(), e.toString());
            return batch;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying to queue jobs", e);
        }
    }

    /** Some jobs could not be queued. */
    public static final class JobsNotQueuedException extends RuntimeException {
        private final transient List<Job> unsent;

        public JobsNotQueuedException(List<Job> unsent) {
            super(unsent.size() + " job(s) could not be queued, first: "
                    + unsent.getFirst().key());
            this.unsent = List.copyOf(unsent);
        }

        public List<Job> unsent() {
            return unsent;
        }
    }
}
