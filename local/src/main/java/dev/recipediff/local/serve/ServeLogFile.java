package dev.recipediff.local.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * serve's log file: a copy of every JSON line serve prints, for {@code recipediff trace}. Bounded: when the file
 * passes {@code maxBytes} it becomes {@code serve.jsonl.1} (replacing the previous one) and a new file starts, so
 * the log never holds more than twice the cap. Created owner-only (0600), like everything in the data directory.
 */
public final class ServeLogFile implements Consumer<String>, AutoCloseable {

    /** 64 MiB per file: about 250,000 lines, several days of a busy kitchen. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final long maxBytes;
    private OutputStream out;
    private long written;

    public ServeLogFile(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** The rotated predecessor of {@code file}. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + ".1");
    }

    @Override
    public synchronized void accept(String line) {
        try {
            if (out == null) {
                open();
            }
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (written > 0 && written + bytes.length > maxBytes) {
                out.close();
                Files.move(file, previous(file), StandardCopyOption.REPLACE_EXISTING);
                open();
            }
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write serve's log " + file, e);
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        written = Files.size(file);
        out = Files.newOutputStream(file, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out = null;
            }
        }
    }
}
