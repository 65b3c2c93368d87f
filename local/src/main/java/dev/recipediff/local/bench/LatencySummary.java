package dev.recipediff.local.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of latencies (nearest-rank: the p-th percentile is the smallest value that at least p %
 * of the samples do not exceed).
 */
public record LatencySummary(
        int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis, double meanMillis) {

    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** Summarises latencies given in nanoseconds. */
    public static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencySummary(
                sorted.length,
                millis(rank(sorted, 50)),
                millis(rank(sorted, 95)),
                millis(rank(sorted, 99)),
                millis(sorted[sorted.length - 1]),
                sum / sorted.length / 1e6);
    }

    static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms mean=%.1f ms",
                count,
                p50Millis,
                p95Millis,
                p99Millis,
                maxMillis,
                meanMillis);
    }
}
