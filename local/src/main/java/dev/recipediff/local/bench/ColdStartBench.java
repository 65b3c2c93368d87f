package dev.recipediff.local.bench;

import dev.recipediff.local.bench.ColdStartLauncher.FunctionFailedException;
import dev.recipediff.local.bench.ColdStartLauncher.ProbeTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code recipediff bench coldstart}: for each function, a fresh {@code java} process with the deployed
 * shaded jar handles a real event fixture against serve's emulators; the time from process start to the
 * {@code handled} line is measured, without and with the priming warm-up, together with the jar sizes.
 * The parts: {@link ColdStartFunction} (what is measured), {@link ColdStartFixtures} (the events and environments),
 * {@link LambdaRuntimeArchive} (the modelled runtime archive), {@link ColdStartLauncher} (one timed process) and
 * {@link ColdStartTiming} (the figures of one function and mode, printed).
 */
public final class ColdStartBench {

    private final List<ColdStartFunction> functions;
    private final List<Boolean> modes;
    private final boolean runtimeCds;
    private final ColdStartLauncher launcher;
    private final int runs;
    private final PrintStream out;

    public ColdStartBench(
            Path jarsDir, List<Path> eventLoaderJars, List<String> jvmOptions, int runs, PrintStream out) {
        this(jarsDir, eventLoaderJars, jvmOptions, runs, ColdStartFunction.ALL, List.of(false, true), false, out);
    }

    /**
     * {@code modes}: {@code false} plain, {@code true} with the priming warm-up. {@code runtimeCds}: model the Lambda
     * runtime's class-data-sharing archive of its own classes (see {@link LambdaRuntimeArchive}).
     */
    public ColdStartBench(
            Path jarsDir,
            List<Path> eventLoaderJars,
            List<String> jvmOptions,
            int runs,
            List<ColdStartFunction> functions,
            List<Boolean> modes,
            boolean runtimeCds,
            PrintStream out) {
        this.functions = functions;
        this.runtimeCds = runtimeCds;
        this.modes = modes;
        this.launcher = new ColdStartLauncher(jarsDir, eventLoaderJars, jvmOptions, runtimeCds);
        this.runs = runs;
        this.out = out;
    }

    public List<ColdStartTiming> run(Path dataDir, Optional<Path> dynaliteDir, Path workDir)
            throws IOException, InterruptedException {
        out.println("jar sizes (goal <= 15 MiB):");
        for (ColdStartFunction function : functions) {
            Path jar = launcher.jar(function);
            out.printf(Locale.ROOT, "  %-10s %6.2f MiB  %s%n", function.name(), Files.size(jar) / 1048576.0, jar);
        }
        Path probeJar = ColdStartLauncher.extractProbe(workDir);
        List<ColdStartTiming> timings = new ArrayList<>();
        try (BenchServe serve = BenchServe.startFresh(dataDir, dynaliteDir)) {
            Map<String, Path> fixtures = ColdStartFixtures.prepare(serve, workDir);
            Map<String, Map<String, String>> environments = ColdStartFixtures.environments(serve);
            if (runtimeCds) {
                Path archive =
                        LambdaRuntimeArchive.dump(launcher, functions, probeJar, fixtures, environments, workDir);
                launcher.useArchive(archive);
                out.println("runtime class-data archive (JDK + event deserializer classes, as the Lambda runtime's "
                        + "runtime.jsa): " + archive
                        + String.format(Locale.ROOT, " (%.1f MiB)", Files.size(archive) / 1048576.0));
            }
            out.println("cold starts (fresh JVM per run, " + String.join(" ", launcher.jvmOptions()) + "), load "
                    + LoadAverage.now() + ":");
            for (ColdStartFunction function : functions) {
                for (boolean primed : modes) {
                    measure(function, primed, probeJar, fixtures, environments).ifPresent(timing -> {
                        timing.print(out);
                        timings.add(timing);
                    });
                }
            }
            out.println("load average after: " + LoadAverage.now());
        }
        return timings;
    }

    /** {@link #runs} fresh processes of one function and mode; empty (and one FAILED line) when one failed. */
    private Optional<ColdStartTiming> measure(
            ColdStartFunction function,
            boolean primed,
            Path probeJar,
            Map<String, Path> fixtures,
            Map<String, Map<String, String>> environments)
            throws IOException, InterruptedException {
        List<Double> handled = new ArrayList<>();
        List<Double> primedAt = new ArrayList<>();
        List<Double> constructed = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                ProbeTimes times = launcher.runOnce(
                        function, primed, probeJar, fixtures.get(function.name()), environments.get(function.name()));
                handled.add(times.handledMillis());
                primedAt.add(times.primedMillis());
                constructed.add(times.constructedMillis());
                cpu.add(times.cpuMillis());
            }
        } catch (FunctionFailedException e) {
            out.printf(
                    Locale.ROOT,
                    "  %-10s %-8s FAILED: %s%n",
                    function.name(),
                    primed ? "primed" : "plain",
                    e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new ColdStartTiming(function.name(), primed, handled, primedAt, constructed, cpu));
    }
}
