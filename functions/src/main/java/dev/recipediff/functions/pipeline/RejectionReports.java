package dev.recipediff.functions.pipeline;

import java.util.Optional;

/** Where rejection reports are kept ({@code {kitchen}/rejected/{rest}.error.json} in the bucket). */
public interface RejectionReports {

    void write(RejectionReport report);

    /** The report about the file {@code fileKey}, if there is one. */
    Optional<RejectionReport> find(String fileKey);

    /** Removes the report about {@code fileKey}, if any (a later version of that file was accepted). */
    void remove(String fileKey);
}
