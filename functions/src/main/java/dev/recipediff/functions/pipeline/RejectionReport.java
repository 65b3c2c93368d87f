package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Why a file will not become a recipe or make; stored as {@code {kitchen}/rejected/{rest}.error.json}.
 *
 * @param key        the rejected file's key
 * @param reason     a reason code ({@code invalid_json}, {@code invalid_document}, {@code too_large}, …)
 * @param message    a sentence for people
 * @param details    each problem: where (JSON pointer) and what; empty when the reason says it all
 * @param rejectedAt when the pipeline rejected it
 * @param versionId  extension: the rejected version of the file, {@code null} in an unversioned bucket
 * @param eTag       extension: the rejected content's ETag
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectionReport(
        String key,
        String reason,
        String message,
        List<Detail> details,
        Instant rejectedAt,
        String versionId,
        String eTag) {

    public RejectionReport {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** One problem in the file. */
    public record Detail(String pointer, String problem) {}

    /** Whether this report is about exactly that version of the file. */
    public boolean isAbout(String fileKey, String fileVersionId, String fileETag) {
        if (!key.equals(fileKey)) {
            return false;
        }
        if (versionId != null && fileVersionId != null) {
            return versionId.equals(fileVersionId);
        }
        return eTag == null || fileETag == null || eTag.equals(fileETag);
    }
}
