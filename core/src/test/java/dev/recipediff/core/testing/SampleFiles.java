package dev.recipediff.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shared sample documents, copied to {@code src/test/resources/samples} (see its README.md). */
public final class SampleFiles {

    private SampleFiles() {
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
