package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the soak samples as a store's bytes on disk. */
class SoakDiskBytesTest {

    @TempDir
    Path store;

    @Test
    void theBytesOfEveryFileInEveryFolderAreCounted() throws IOException {
        Files.write(store.resolve("a"), new byte[100]);
        Files.createDirectories(store.resolve("bucket/kitchen/makes"));
        Files.write(store.resolve("bucket/kitchen/makes/b"), new byte[2_000]);
        Files.createDirectories(store.resolve("empty"));

        assertThat(SoakBench.bytesUnder(store)).isEqualTo(2_100);
    }

    @Test
    void aStoreThatDoesNotExistYetHasNoBytes() {
        assertThat(SoakBench.bytesUnder(store.resolve("not-yet"))).isZero();
    }
}
