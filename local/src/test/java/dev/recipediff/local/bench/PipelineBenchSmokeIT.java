package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.local.cli.RecipediffCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The smoke CI runs to keep {@code recipediff bench pipeline} working: 200 makes through serve, every one
 * accounted for as recorded or rejected exactly as generated. Asserts completeness, never timing.
 */
class PipelineBenchSmokeIT {

    private static final int MAKES = 200;

    @TempDir
    Path dataDir;

    @Test
    void everyUploadedMakeIsRecordedOrRejectedAsGeneratedAndEachCeilingIsMeasured() throws Exception {
        var options = new PipelineBenchOptions(
                MAKES,
                10,
                OptionalDouble.empty(),
                20,
                8,
                dataDir.resolve("data"),
                Optional.empty(),
                true,
                Duration.ofSeconds(1),
                4,
                42);
        List<GeneratedMake> generated = new MakeGenerator(RecipeCatalog.generate(10, 42), 42).generate(MAKES);
        long valid = generated.stream().filter(GeneratedMake::valid).count();

        PipelineBench.Result result =
                PipelineBench.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(result.accounting())
                .isEqualTo(new CompletionTracker.Accounting(MAKES, (int) valid, MAKES - (int) valid, 0, 0));
        assertThat(result.latency().count()).isEqualTo(MAKES);
        assertThat(result.ceilings())
                .extracting(Ceiling::component)
                .containsExactly("s3", "sqs", "dynamodb", "api", "compare");
        assertThat(result.ceilings())
                .allSatisfy(ceiling -> assertThat(ceiling.units()).isPositive());
        assertThat(result.memory()).extracting(PeakMemory.ProcessPeak::command).contains("java", "node");
    }

    @Test
    void theCommandExitsZeroWhenEveryMakeIsAccountedFor() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = new CommandLine(new RecipediffCli())
                    .execute(
                            "bench",
                            "pipeline",
                            "--makes",
                            "40",
                            "--recipes",
                            "4",
                            "--no-ceilings",
                            "--warmup",
                            "0",
                            "--data-dir",
                            dataDir.resolve("cli").toString());
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("of 40 uploaded; missing 0, unexpected 0");
    }
}
