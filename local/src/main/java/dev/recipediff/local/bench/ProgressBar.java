package dev.recipediff.local.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal stream ({@code \r}-redrawn, at most every 200 ms):
 * {@code [#########           ] uploaded 4500/10000  done 4210  312/s}.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final long startedNanos;
    private long lastDrawn;

    public ProgressBar(PrintStream out, int total, long startedNanos) {
        this(out, "uploaded", total, startedNanos);
    }

    /** A bar whose count is named {@code label} ("pages", "makes") instead of "uploaded". */
    public ProgressBar(PrintStream out, String label, int total, long startedNanos) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.startedNanos = startedNanos;
    }

    /** Redraws when the last drawing is old enough, or always when {@code force}. */
    public synchronized void update(int uploaded, int done, long nowNanos, boolean force) {
        if (!force && nowNanos - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = nowNanos;
        out.print("\r" + render(uploaded, done, nowNanos));
        out.flush();
    }

    /** Ends the line. */
    public synchronized void finish(int uploaded, int done, long nowNanos) {
        update(uploaded, done, nowNanos, true);
        out.println();
    }

    String render(int uploaded, int done, long nowNanos) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        double seconds = Math.max(1e-9, (nowNanos - startedNanos) / 1e9);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%s %d/%d  done %d  %.0f/s", label, uploaded, total, done, done / seconds);
    }
}
