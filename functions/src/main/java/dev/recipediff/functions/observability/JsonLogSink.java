package dev.recipediff.functions.observability;

import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where finished log lines go: standard output, one line per {@code write}, never interleaved with another
 * thread's line. Tests and {@code serve} may add a second destination (serve keeps a copy of every line in its
 * data directory for {@code recipediff trace}).
 */
public final class JsonLogSink {

    /** {@code System.out} as it is at each write: on Lambda the runtime's stream, in tests a captured one. */
    private static final JsonLogSink STANDARD_OUTPUT = new JsonLogSink(() -> System.out);

    private final Supplier<PrintStream> out;
    private volatile Consumer<String> copy;

    JsonLogSink(Supplier<PrintStream> out) {
        this.out = out;
    }

    static JsonLogSink standardOutput() {
        return STANDARD_OUTPUT;
    }

    /**
     * Sends a copy of every line written from now on to {@code copy} as well (one at a time, never concurrently);
     * {@code null} stops copying. Used by {@code serve} for its log file and by tests that read the lines.
     */
    public static void copyTo(Consumer<String> copy) {
        STANDARD_OUTPUT.copy = copy;
    }

    /** Writes one finished line (without its line break). */
    synchronized void write(String line) {
        PrintStream stream = out.get();
        stream.print(line + "\n");
        stream.flush();
        Consumer<String> c = copy;
        if (c != null) {
            c.accept(line);
        }
    }
}
