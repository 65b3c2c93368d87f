package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    private static long[] millisOneTo(int n) {
        return LongStream.rangeClosed(1, n).map(ms -> ms * 1_000_000).toArray();
    }

    @Test
    void percentilesAreNearestRank() {
        LatencySummary summary = LatencySummary.ofNanos(millisOneTo(100));

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Millis()).isEqualTo(50.0);
        assertThat(summary.p95Millis()).isEqualTo(95.0);
        assertThat(summary.p99Millis()).isEqualTo(99.0);
        assertThat(summary.maxMillis()).isEqualTo(100.0);
        assertThat(summary.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void theOrderOfSamplesDoesNotMatter() {
        long[] shuffled = {5_000_000, 1_000_000, 4_000_000, 2_000_000, 3_000_000};

        assertThat(LatencySummary.ofNanos(shuffled).p50Millis()).isEqualTo(3.0);
    }

    @Test
    void aSmallSampleHasItsMaximumAsHighPercentiles() {
        LatencySummary summary = LatencySummary.ofNanos(millisOneTo(10));

        assertThat(summary.p99Millis()).isEqualTo(10.0);
        assertThat(summary.p95Millis()).isEqualTo(10.0);
    }

    @Test
    void noSamplesGiveAnEmptySummary() {
        assertThat(LatencySummary.ofNanos(new long[0])).isEqualTo(LatencySummary.NONE);
    }
}
