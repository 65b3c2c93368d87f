package dev.recipediff.local.bench;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recipediff bench pipeline --makes N --recipes R [--rate M]}. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = {
            "Starts serve on a fresh data directory, creates R recipes, uploads N generated makes to the "
                    + "bucket and follows each until its differences are available; prints throughput, latency "
                    + "percentiles, peak memory and each component's ceiling alone.",
            "Exit status 0 when every make was recorded or rejected as generated, 1 otherwise."
        })
public final class PipelineBenchCommand implements Callable<Integer> {

    @Option(
            names = "--makes",
            paramLabel = "N",
            defaultValue = "10000",
            description = "makes to upload (default 10000)")
    int makes;

    @Option(
            names = "--recipes",
            paramLabel = "R",
            defaultValue = "100",
            description = "recipes to create (default 100)")
    int recipes;

    @Option(
            names = "--rate",
            paramLabel = "M",
            description = "open loop: offer M makes/s (default: closed loop, as fast as S3 accepts)")
    Double rate;

    @Option(
            names = "--warmup",
            paramLabel = "W",
            defaultValue = "300",
            description = "makes uploaded and awaited first, not measured (default 300)")
    int warmUp;

    @Option(
            names = "--uploaders",
            paramLabel = "U",
            defaultValue = "8",
            description = "concurrent uploads in closed loop (default 8)")
    int uploaders;

    @Option(names = "--no-ceilings", description = "skip measuring each component alone")
    boolean noCeilings;

    @Option(
            names = "--ceiling-seconds",
            paramLabel = "S",
            defaultValue = "5",
            description = "seconds per component ceiling (default 5)")
    int ceilingSeconds;

    @Option(
            names = "--ceiling-threads",
            paramLabel = "T",
            defaultValue = "8",
            description = "concurrent callers per ceiling (default 8)")
    int ceilingThreads;

    @Mixin
    FreshRunOptions fresh = new FreshRunOptions();

    @Override
    public Integer call() throws Exception {
        var options = new PipelineBenchOptions(
                makes,
                recipes,
                rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate),
                warmUp,
                uploaders,
                BenchCommand.freshDataDir(fresh.dataDir, "pipeline"),
                BenchCommand.dynaliteFromHome(),
                !noCeilings,
                Duration.ofSeconds(ceilingSeconds),
                ceilingThreads,
                fresh.seed);
        System.err.println("recipediff bench pipeline: data in " + options.dataDir());
        try {
            PipelineBench.Result result = PipelineBench.run(options, System.err);
            result.print(System.out);
            return result.accounting().complete() ? 0 : 1;
        } finally {
            BenchCommand.deleteCreated(options.dataDir(), fresh.dataDir);
        }
    }
}
