package dev.recipediff.functions.pipeline;

/** What became of one job. */
public sealed interface JobOutcome {

    /**
     * Whether the message is done with (delete it) rather than to be delivered again: a transient failure is
     * retried, a forged job is left for the dead-letter queue, everything else is done.
     */
    default boolean done() {
        return switch (this) {
            case Submitted submitted -> true;
            case Rejected rejected -> true;
            case Superseded superseded -> true;
            case RetryLater retryLater -> false;
            case Forged forged -> false;
        };
    }

    /** The API stored the recipe or make (or had already: a replay of the same idempotency key). */
    record Submitted(int status) implements JobOutcome {}

    /** The file will never become a recipe or make; its rejection report is written. */
    record Rejected(RejectionReport report) implements JobOutcome {}

    /** That version of the file is gone (overwritten or deleted): the newer version has a job of its own. */
    record Superseded(String why) implements JobOutcome {}

    /** A transient failure (API 5xx/408/429, timeout, connection error, S3 error): deliver the message again. */
    record RetryLater(String why) implements JobOutcome {}

    /**
     * The job disagrees with its own key (another kitchen, kind or bucket): a forgery, never obeyed. The message
     * is not deleted, so it is delivered again until it ends in the dead-letter queue, where the alarm sees it.
     */
    record Forged(String why) implements JobOutcome {}
}
