package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recipediff bench cost} counts the calls the real handlers make through the emulators, and the model
 * prices exactly those counts. Asserts the counting and the arithmetic, never timing.
 */
class CostBenchSmokeIT {

    private static final int MAKES = 30;

    @TempDir
    Path dataDir;

    @Test
    void theCountedCallsOfThePipelineArePricedPerMake() throws Exception {
        var options = new CostBench.Options(
                MAKES, 3, dataDir.resolve("data"), Optional.empty(), 20, CostModel.Stack.deployed(), 0, 42);

        CostBench.Result result =
                CostBench.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        SdkCallCounter.Counts counts = result.counts();
        assertThat(counts.calls("S3.PutObject")).as("the uploads").isGreaterThanOrEqualTo(MAKES);
        assertThat(counts.calls("Sqs.SendMessageBatch"))
                .as("the watcher's jobs")
                .isEqualTo(MAKES);
        assertThat(counts.calls("DynamoDb.PutItem"))
                .as("makes, claims, stats views")
                .isGreaterThanOrEqualTo(MAKES);
        assertThat(counts.writeUnits()).as("capacity reported by the emulator").isPositive();
        CostModel.Line writes = result.model().lines().stream()
                .filter(l -> l.unit().equals("WRU"))
                .findFirst()
                .orElseThrow();
        assertThat(writes.perMake()).isCloseTo(counts.writeUnits() / MAKES, within(1e-9));
        assertThat(result.model().dollarsPerMillion()).isPositive();
    }
}
