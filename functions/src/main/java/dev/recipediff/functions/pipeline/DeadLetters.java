package dev.recipediff.functions.pipeline;

import java.util.List;

/** The jobs queue's dead-letter queue, as the reconciler sees it. */
@FunctionalInterface
public interface DeadLetters {

    /** The jobs in the DLQ, read without removing them (messages that are not jobs are skipped). */
    List<Job> peekJobs();
}
