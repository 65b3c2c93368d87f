package dev.recipediff.functions.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Correlation ids and the hashes that stand for object keys in logs.
 *
 * <p>A file's correlation id is born at the watcher from its bucket, key and version (version id, or the ETag
 * of an unversioned bucket): the same upload always gets the same id — a notification delivered twice, a
 * reconciled or redriven job — and a new version of the file gets a new one. It travels in the job, in the
 * {@value #HEADER} header of the sender's requests, and is kept on the make record.
 */
public final class CorrelationIds {

    /** The request header that carries a correlation id from the sender to the API. */
    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationIds() {}

    /** {@code f-} and 32 hex digits of SHA-256(bucket, key, version): stable for one version of one file. */
    public static String ofFile(String bucket, String key, String version) {
        return "f-" + sha256Hex(bucket + '\n' + key + '\n' + version).substring(0, 32);
    }

    /**
     * The hash logged in place of an object key (keys are content: a cook's file names may say who cooked what):
     * {@code k-} and 16 hex digits of SHA-256(key). {@code recipediff trace KEY} computes the same hash.
     */
    public static String keyHash(String key) {
        return "k-" + sha256Hex(key).substring(0, 16);
    }

    /**
     * A correlation id a client sent, or null when it is absent or not a plain token (1–64 of
     * {@code A-Z a-z 0-9 . _ : -}): a header value never reaches the logs unchecked.
     */
    public static String accepted(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches() ? candidate : null;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
