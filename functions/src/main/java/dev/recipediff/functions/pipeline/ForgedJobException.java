package dev.recipediff.functions.pipeline;

/**
 * A job whose fields disagree with what its object key (or the bucket it came from) determines — a kitchen,
 * kind or bucket that the watcher would never have written. Whoever can send to the queue cannot make the
 * sender act on another kitchen: such a job is logged, counted and left to end in the dead-letter queue.
 */
public final class ForgedJobException extends RuntimeException {

    public ForgedJobException(String why) {
        super(why);
    }

    /**
     * Checks every field the key determines (kitchen, kind, that the key is a pipeline file at all) and the
     * bucket, the only one this sender reads from.
     *
     * @throws ForgedJobException when any of them disagrees
     */
    public static void requireGenuine(Job job, String bucket) {
        if (bucket != null && !bucket.equals(job.bucket())) {
            throw new ForgedJobException("the job names another bucket than the sender's");
        }
        switch (BucketLayout.route(job.key(), job.size())) {
            case BucketLayout.Accepted accepted -> {
                if (!accepted.kitchen().equals(job.kitchen())) {
                    throw new ForgedJobException("the job's kitchen is not the kitchen of its key");
                }
                if (accepted.kind() != job.kind()) {
                    throw new ForgedJobException("the job's kind is not the kind of its key's folder");
                }
            }
            case BucketLayout.Refused refused ->
                throw new ForgedJobException("the watcher never queues this key (" + refused.reason() + ")");
            case BucketLayout.Ignored ignored ->
                throw new ForgedJobException("the watcher never queues this key (" + ignored.why() + ")");
        }
    }
}
