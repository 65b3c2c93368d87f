package dev.recipediff.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * THE loader of the sample documents: {@code samples/} at the repository root, which the build puts on every
 * module's test class path as {@code /samples} (see samples/README.md). Other modules use it from core's test-jar.
 */
public final class SampleFiles {

    private SampleFiles() {}

    /** The text of a sample (UTF-8), e.g. {@code text("makes/apple-pie.exact.json")}. */
    public static String text(String relativePath) {
        return new String(bytes(relativePath), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The file of a sample on the test class path, for code that reads files (the CLI). */
    public static java.nio.file.Path path(String relativePath) {
        try {
            java.net.URL url = SampleFiles.class.getResource("/samples/" + relativePath);
            if (url == null) {
                throw new IllegalArgumentException("no sample /samples/" + relativePath);
            }
            return java.nio.file.Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a sample, e.g. {@code bytes("recipes/apple-pie.json")}. */
    public static byte[] bytes(String relativePath) {
        String resource = "/samples/" + relativePath;
        try (InputStream in = SampleFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
