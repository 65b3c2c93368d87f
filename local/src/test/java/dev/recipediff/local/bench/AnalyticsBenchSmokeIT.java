package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps {@code recipediff bench analytics} working on a small scale; asserts what is served, never timing. */
class AnalyticsBenchSmokeIT {

    @TempDir
    Path dataDir;

    @Test
    void seededMakesAreWhatTheStatsRoutesServeAtBothSizes() throws Exception {
        var bench =
                new AnalyticsBench(5, 20, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        List<AnalyticsBench.Measurement> measurements =
                bench.run(List.of(50, 200), dataDir.resolve("data"), Optional.empty());

        assertThat(measurements)
                .extracting(AnalyticsBench.Measurement::makesStored, AnalyticsBench.Measurement::route)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(50, "GET /stats"),
                        org.assertj.core.groups.Tuple.tuple(50, "GET /recipes/{id}/stats"),
                        org.assertj.core.groups.Tuple.tuple(50, "GET /recipes/{id}/insights"),
                        org.assertj.core.groups.Tuple.tuple(200, "GET /stats"),
                        org.assertj.core.groups.Tuple.tuple(200, "GET /recipes/{id}/stats"),
                        org.assertj.core.groups.Tuple.tuple(200, "GET /recipes/{id}/insights"));
        assertThat(measurements).allSatisfy(m -> assertThat(m.latency().count()).isEqualTo(20));
    }
}
