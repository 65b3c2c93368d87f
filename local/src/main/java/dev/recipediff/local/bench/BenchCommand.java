package dev.recipediff.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code recipediff bench}: the performance benchmarks (figures, never pass/fail). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Performance benchmarks with reported figures: pipeline throughput and latency, cold starts, "
                + "analytics reads. See docs/performance.md.",
        subcommands = {
            PipelineBenchCommand.class,
            ColdStartBenchCommand.class,
            AnalyticsBenchCommand.class,
            SoakBenchCommand.class,
            CostBenchCommand.class,
            RealworldBenchCommand.class
        })
public final class BenchCommand implements Runnable {

    /** serve logs every file at INFO; a benchmark of thousands of makes measures that console output unless told. */
    @CommandLine.Option(
            names = "--serve-log-level",
            paramLabel = "LEVEL",
            defaultValue = "warn",
            scope = CommandLine.ScopeType.INHERIT,
            description = "serve's log level during the benchmark: info (as `recipediff serve`) or warn (default)")
    void serveLogLevel(String level) {
        System.setProperty("recipediff.log.level", level);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The launcher passes -Drecipediff.home=<repository root>, where npm installed dynalite. */
    static Optional<Path> dynaliteFromHome() {
        return home().map(home -> home.resolve("node_modules").resolve("dynalite"))
                .filter(Files::isDirectory);
    }

    static Optional<Path> home() {
        return Optional.ofNullable(System.getProperty("recipediff.home")).map(Path::of);
    }

    /** Removes a temporary directory this command created (never one the user gave). */
    static void deleteCreated(Path created, Path given) throws java.io.IOException {
        if (given != null || created == null || !Files.exists(created)) {
            return;
        }
        try (var paths = Files.walk(created)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A fresh data directory under the system's temporary directory unless one was given. */
    static Path freshDataDir(Path given, String purpose) throws java.io.IOException {
        return given != null ? given : Files.createTempDirectory("recipediff-bench-" + purpose + "-");
    }
}
