package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.recipediff.functions.observability.CorrelationIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
@JsonIgnoreProperties(value = "correlationId", allowGetters = true)
public record Job(String bucket, String key, String versionId, String eTag, long size, FileKind kind, String kitchen) {

    /** Suffix of the idempotency key of the PUT that follows a POST answered with 409 (the recipe exists). */
    public static final String UPDATE_SUFFIX = "#update";

    /**
     * Longest percent-encoded key used as is in an idempotency key; longer ones (S3 allows 1024 bytes, which may
     * encode to 3 KB) are replaced by their SHA-256, keeping the header under the API's 2048 characters.
     */
    static final int MAX_ENCODED_KEY = 1500;

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

    /**
     * The correlation id of this upload, born from bucket, key and version: every log line about this file — watcher,
     * sender, authorizer, API — carries it, and the make record keeps it. Recomputed wherever a job is read, so a
     * message cannot claim another file's id.
     */
    @JsonProperty("correlationId")
    public String correlationId() {
        return CorrelationIds.ofFile(bucket, key, version());
    }

    /** The hash that stands for this job's key in logs (a key is content). */
    public String keyHash() {
        return CorrelationIds.keyHash(key);
    }

    /** The version id when there is one, else the ETag: what identifies this exact content of the file. */
    public String version() {
        return versionId != null ? versionId : eTag;
    }

    /**
     * {@code <bucket>/<key>/<versionId or eTag>}: the Idempotency-Key of the request that submits this file. The key
     * is percent-encoded as UTF-8 (slashes kept) so that spaces and non-ASCII characters survive an HTTP header;
     * a key that encodes to more than {@value #MAX_ENCODED_KEY} characters is replaced by {@code sha256-<hex>}.
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
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/");
        return encoded.length() <= MAX_ENCODED_KEY ? encoded : "sha256-" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String unquoted(String eTag) {
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
