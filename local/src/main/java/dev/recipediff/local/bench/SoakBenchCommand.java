package dev.recipediff.local.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recipediff bench soak --minutes M --rate R}. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description = {
            "Starts serve on a fresh data directory, offers R makes/s open loop for M minutes and samples, "
                    + "every interval, RSS per process, disk bytes per store, p50/p99 latency and the jobs queue's depth; "
                    + "prints the table and writes it (soak.md, soak.csv) with a chart (soak.png) to --out.",
            "Flat = the last sixth of the run within 10 % of the second sixth (for 60 minutes: the last 10 "
                    + "minutes against minutes 10-20)."
        })
public final class SoakBenchCommand implements Callable<Integer> {

    @Option(
            names = "--minutes",
            paramLabel = "M",
            defaultValue = "60",
            description = "how long makes are offered (default 60; fractions allowed)")
    double minutes;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "20",
            description = "makes per second offered (default 20)")
    double rate;

    @Option(
            names = "--recipes",
            paramLabel = "N",
            defaultValue = "100",
            description = "recipes to create (default 100)")
    int recipes;

    @Option(
            names = "--sample-seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "seconds between samples (default 10)")
    double sampleSeconds;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "where soak.md, soak.csv and soak.png go (default: soak-<time> in the working directory)")
    Path out;

    @Mixin
    FreshRunOptions fresh = new FreshRunOptions();

    @Override
    public Integer call() throws Exception {
        Path outDir = out != null
                ? out
                : Path.of("soak-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        var options = new SoakBench.Options(
                minutes,
                rate,
                recipes,
                Duration.ofMillis((long) (sampleSeconds * 1000)),
                BenchCommand.freshDataDir(fresh.dataDir, "soak"),
                BenchCommand.dynaliteFromHome(),
                outDir,
                fresh.seed);
        System.err.println(
                "recipediff bench soak: data in " + options.dataDir() + ", report in " + outDir.toAbsolutePath());
        try {
            SoakBench.Result result = SoakBench.run(options, System.err);
            result.report().printVerdicts(System.out);
            System.out.println();
            result.report().printTable(System.out);
            System.out.println();
            System.out.println("table " + result.table().toAbsolutePath() + ", samples "
                    + result.csv().toAbsolutePath() + ", chart "
                    + result.chart().toAbsolutePath());
            return 0;
        } finally {
            BenchCommand.deleteCreated(options.dataDir(), fresh.dataDir);
        }
    }
}
