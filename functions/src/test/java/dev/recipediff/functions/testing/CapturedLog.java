package dev.recipediff.functions.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the handlers log while it is open. The JSON log provider writes to {@code System.out} (looked up
 * on every write, not cached), so swapping {@code System.out} captures the handlers' real log lines; everything
 * is still passed through to the original stream.
 */
public final class CapturedLog implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedLog() {
        this.original = System.out;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    public List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }
}
