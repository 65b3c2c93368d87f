package dev.recipediff.functions.pipeline;

import java.time.Instant;
import java.util.function.Consumer;

/** The files bucket, as the pipeline reads it. */
public interface FileStore {

    /**
     * Reads exactly the version of the file the job points to.
     *
     * @throws FileGoneException when that version no longer exists (deleted or overwritten since)
     */
    byte[] read(Job job);

    /** Calls {@code action} for every object whose key starts with {@code prefix}. */
    void forEachObject(String prefix, Consumer<StoredObject> action);

    /** The current version of an object: what a job for it now would point to. */
    StoredObject describe(String key);

    /** One object as listed. */
    record StoredObject(String bucket, String key, String versionId, String eTag, long size, Instant lastModified) {}

    /** The version of the file a job points to is gone. */
    final class FileGoneException extends RuntimeException {
        public FileGoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
