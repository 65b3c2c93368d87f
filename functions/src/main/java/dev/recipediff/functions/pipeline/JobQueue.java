package dev.recipediff.functions.pipeline;

import java.util.List;

/** The jobs queue. */
public interface JobQueue {

    /** The most jobs one {@link #sendBatch} call takes (SQS SendMessageBatch). */
    int MAX_BATCH = 10;

    /**
     * Sends up to {@link #MAX_BATCH} jobs in one call.
     *
     * @return the jobs the queue did not accept (empty when all were sent)
     */
    List<Job> sendBatch(List<Job> jobs);
}
