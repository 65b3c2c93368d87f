package dev.recipediff.functions.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One static file of the dashboard, loaded once from the classpath.
 *
 * @param contentType  the media type (with charset for text)
 * @param bytes        the file
 * @param gzipped      the file gzip-compressed; {@code null} when compressing does not pay (small or binary)
 * @param etag         a strong validator derived from the content
 * @param cacheControl how long browsers may keep it
 */
public record StaticAsset(String contentType, byte[] bytes, byte[] gzipped, String etag, String cacheControl) {

    private static final int COMPRESS_FROM = 1024;

    static StaticAsset of(String contentType, byte[] bytes, String cacheControl) {
        boolean compressible = contentType.startsWith("text/")
                || contentType.contains("javascript")
                || contentType.contains("json")
                || contentType.contains("svg");
        byte[] gzipped = compressible && bytes.length >= COMPRESS_FROM ? gzip(bytes) : null;
        return new StaticAsset(contentType, bytes, gzipped, etag(bytes), cacheControl);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
