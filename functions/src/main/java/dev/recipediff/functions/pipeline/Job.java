package dev.recipediff.functions.pipeline;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An upload job: a pointer to one version of one file in the bucket — never the file's body (an SQS message
 * holds at most 256 KiB, a file may have up to 1 MiB).
 *
 * @param bucket    the bucket
 * @param key       the object key, decoded ({@code default/makes/apple pie.json})
 * @param versionId the S3 version id; {@code null} when the bucket is not versioned (blank counts as absent)
 * @param eTag      the object's ETag without quotes; identifies the content when there is no version id
 * @param size      the object's size in bytes
 * @param kind      recipe or make
 * @param kitchen   the kitchen (tenant) the file belongs to: the first segment of the key
 */
public record Job(String bucket, String key, String versionId, String eTag, long size, FileKind kind, String kitchen) {

    /** Suffix of the idempotency key of the PUT that follows a POST answered with 409 (the recipe exists). */
    public static final String UPDATE_SUFFIX = "#update";

    public Job {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kitchen, "kitchen");
        versionId = versionId == null || versionId.isBlank() ? null : versionId;
        eTag = eTag == null || eTag.isBlank() ? null : eTag;
        if (versionId == null && eTag == null) {
            throw new IllegalArgumentException("a job needs a versionId or an eTag");
        }
        eTag = eTag == null ? null : unquoted(eTag);
    }

    /** The version id when there is one, else the ETag: what identifies this exact content of the file. */
    public String version() {
        return versionId != null ? versionId : eTag;
    }

    /**
     * {@code <bucket>/<key>/<versionId or eTag>}: the Idempotency-Key of the request that submits this file. The key
     * is percent-encoded as UTF-8 (slashes kept) so that spaces and non-ASCII characters survive an HTTP header.
     */
    public String idempotencyKey() {
        return bucket + "/" + encodedKey() + "/" + version();
    }

    /**
     * The Idempotency-Key of the PUT /recipes that updates an existing recipe: a different request from the first
     * POST, so it needs its own key (the API answers 422 to one key used for two different requests).
     */
    public String updateIdempotencyKey() {
        return idempotencyKey() + UPDATE_SUFFIX;
    }

    private String encodedKey() {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static String unquoted(String eTag) {
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
