package dev.recipediff.functions.pipeline;

import dev.recipediff.functions.store.Page;
import java.util.Optional;

/**
 * Where rejection reports are kept ({@code {kitchen}/rejected/{rest}.error.json} in the bucket): written by the
 * watcher, the sender and the reconciler, listed by {@code GET /rejections}.
 */
public interface RejectionReports {

    void write(RejectionReport report);

    /** The report about the file {@code fileKey}, if there is one. */
    Optional<RejectionReport> find(String fileKey);

    /** Removes the report about {@code fileKey}, if any (a later version of that file was accepted). */
    void remove(String fileKey);

    /**
     * A page of a kitchen's reports as they are stored (the bytes are shown as they are, so that a report written
     * by an older version is still listed); {@code after} is the position the previous page ended at.
     */
    Page<Listed> list(String kitchen, int limit, Optional<String> after);

    /** One stored report: its object key and its bytes. */
    record Listed(String objectKey, byte[] content) {}
}
