package dev.recipediff.local.bench;

import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code recipediff bench pipeline}: serve on a fresh data directory in this process, R recipes created
 * through the API, N generated makes uploaded to the bucket, each followed until its differences are
 * readable (or its rejection report is written); then each component's ceiling alone.
 */
public final class PipelineBench {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** Warm-up makes are numbered from here, so that they are never mistaken for measured ones. */
    static final int WARM_UP_FIRST_SEQUENCE = 9_000_000;

    /**
     * @param accounting     every make recorded or rejected as generated?
     * @param latency        upload start (closed loop) or intended start (open loop) → seen done
     * @param throughput     makes done per second, first upload → last done
     * @param seconds        first upload → last done
     * @param uploadSeconds  first upload → last upload accepted by S3
     * @param startSeconds   serve's start-up on the fresh directory
     * @param memory         peak RSS of this JVM (serve + the benchmark's clients) and of dynalite after the run
     * @param cpuDuringRun   CPU seconds per process (this JVM, dynalite) from first upload to last make done
     * @param ceilings       what each component allows alone (empty when not measured)
     * @param loadBefore     load average before the run
     * @param loadAfter      load average after the pipeline run (before the ceilings)
     */
    public record Result(
            PipelineBenchOptions options,
            CompletionTracker.Accounting accounting,
            LatencySummary latency,
            double throughput,
            double seconds,
            double uploadSeconds,
            double startSeconds,
            List<PeakMemory.ProcessPeak> memory,
            java.util.Map<String, Double> cpuDuringRun,
            List<Ceiling> ceilings,
            String loadBefore,
            String loadAfter) {

        public Ceiling slowestCeiling() {
            return ceilings.stream()
                    .min(java.util.Comparator.comparingDouble(Ceiling::perSecond))
                    .orElse(null);
        }

        public void print(PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "pipeline: %d makes of %d recipes after %d warm-up makes, %s; serve started in %.1f s%n",
                    options.makes(),
                    options.recipes(),
                    options.warmUp(),
                    options.rate().isPresent()
                            ? "open loop at " + options.rate().getAsDouble() + " makes/s offered"
                            : "closed loop (" + options.uploaders() + " uploaders)",
                    startSeconds);
            out.printf(
                    Locale.ROOT,
                    "  accounted: %d recorded + %d rejected of %d uploaded; missing %d, unexpected %d%n",
                    accounting.recorded(),
                    accounting.rejected(),
                    accounting.uploaded(),
                    accounting.missing(),
                    accounting.unexpected());
            out.printf(
                    Locale.ROOT,
                    "  throughput %.1f makes/s; total %.1f s (uploads took %.1f s)%n",
                    throughput,
                    seconds,
                    uploadSeconds);
            out.println("  latency upload -> differences available: " + latency + " (detection by polling every "
                    + POLL_INTERVAL.toMillis() + " ms)");
            out.printf(
                    Locale.ROOT,
                    "  peak RSS: %s = %.0f MiB (goal <= 1024 MiB)%n",
                    memory.stream()
                            .map(p -> p.command() + "(" + p.pid() + ") " + p.peakKiB() / 1024 + " MiB")
                            .toList(),
                    PeakMemory.totalKiB(memory) / 1024.0);
            out.println("  CPU time during the run (user + system): "
                    + cpuDuringRun.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                            .toList()
                    + String.format(
                            Locale.ROOT,
                            " over %.1f s wall on %d cores",
                            seconds,
                            Runtime.getRuntime().availableProcessors()));
            out.println("  load average before " + loadBefore + ", after " + loadAfter);
            if (!ceilings.isEmpty()) {
                out.println("  component ceilings (alone, same emulators):");
                ceilings.forEach(ceiling -> out.println("    " + ceiling));
                Ceiling slowest = slowestCeiling();
                out.printf(
                        Locale.ROOT,
                        "  pipeline = %.0f %% of the slowest ceiling (%s, %.0f /s)%n",
                        100 * throughput / slowest.perSecond(),
                        slowest.component(),
                        slowest.perSecond());
            }
        }
    }

    private PipelineBench() {}

    public static Result run(PipelineBenchOptions options, PrintStream progressOut) throws InterruptedException {
        String loadBefore = LoadAverage.now();
        long serveStart = System.nanoTime();
        try (BenchServe serve = BenchServe.startFresh(options.dataDir(), options.dynaliteDir())) {
            double startSeconds = (System.nanoTime() - serveStart) / 1e9;
            List<Recipe> recipes = RecipeCatalog.generate(options.recipes(), options.seed());
            createRecipes(serve.api(), recipes);
            warmUp(serve, recipes, options);
            List<GeneratedMake> makes = new MakeGenerator(recipes, options.seed()).generate(options.makes());

            var uploader = new MakeUploader(serve.s3(), ServeRuntime.BUCKET, BenchServe.KITCHEN, makes);
            var tracker = new CompletionTracker(
                    serve.dynamoDb(), ServeRuntime.TABLE, serve.s3(), ServeRuntime.BUCKET, BenchServe.KITCHEN, makes);
            tracker.skipMakesRecordedSoFar();
            List<PeakMemory.ProcessPeak> atStart = PeakMemory.ofThisProcessTree();
            long first = System.nanoTime();
            var progress = new ProgressBar(progressOut, makes.size(), first);
            AtomicReference<Throwable> uploadFailure = new AtomicReference<>();
            long[] uploadsDone = new long[1];
            Thread uploads = Thread.ofPlatform().name("bench-uploads").start(() -> {
                try {
                    if (options.rate().isPresent()) {
                        uploader.uploadOpenLoop(options.rate().getAsDouble());
                    } else {
                        uploader.uploadClosedLoop(options.uploaders());
                    }
                } catch (Throwable e) {
                    uploadFailure.set(e);
                } finally {
                    uploadsDone[0] = System.nanoTime();
                }
            });
            Duration timeout = Duration.ofSeconds(120
                    + options.makes() / 10
                    + (long)
                            (options.rate().isPresent()
                                    ? options.makes() / options.rate().getAsDouble()
                                    : 0));
            tracker.awaitAll(
                    timeout,
                    POLL_INTERVAL,
                    () -> progress.update(uploader.uploaded(), tracker.done(), System.nanoTime(), false));
            uploads.join(Duration.ofMinutes(1));
            progress.finish(uploader.uploaded(), tracker.done(), System.nanoTime());
            if (uploadFailure.get() != null) {
                throw new IllegalStateException(
                        "uploading failed: " + uploadFailure.get().getMessage(), uploadFailure.get());
            }
            String loadAfter = LoadAverage.now();
            List<PeakMemory.ProcessPeak> memory = PeakMemory.ofThisProcessTree();
            java.util.Map<String, Double> cpuDuringRun = new java.util.LinkedHashMap<>();
            for (PeakMemory.ProcessPeak end : memory) {
                double startCpu = atStart.stream()
                        .filter(p -> p.pid() == end.pid())
                        .mapToDouble(PeakMemory.ProcessPeak::cpuSeconds)
                        .findFirst()
                        .orElse(0);
                cpuDuringRun.merge(end.command(), end.cpuSeconds() - startCpu, Double::sum);
            }

            long lastDone = first;
            long firstStart = Long.MAX_VALUE;
            List<Long> latencies = new ArrayList<>();
            for (GeneratedMake make : makes) {
                long done = tracker.doneAt(make.sequence());
                long started = uploader.startedAt(make.sequence());
                firstStart = Math.min(firstStart, started == 0 ? Long.MAX_VALUE : started);
                if (done != 0) {
                    latencies.add(done - started);
                    lastDone = Math.max(lastDone, done);
                }
            }
            double seconds = (lastDone - firstStart) / 1e9;
            double throughput = tracker.done() / seconds;
            List<Ceiling> ceilings = options.ceilings()
                    ? new ComponentCeilings(
                                    serve, options.ceilingThreads(), Duration.ofSeconds(1), options.ceilingDuration())
                            .measureAll()
                    : List.of();
            return new Result(
                    options,
                    tracker.accounting(),
                    LatencySummary.ofNanos(
                            latencies.stream().mapToLong(Long::longValue).toArray()),
                    throughput,
                    seconds,
                    (uploadsDone[0] - firstStart) / 1e9,
                    startSeconds,
                    memory,
                    cpuDuringRun,
                    ceilings,
                    loadBefore,
                    loadAfter);
        }
    }

    /** Uploads the warm-up makes closed loop and waits until they are all done (or 5 minutes passed). */
    private static void warmUp(BenchServe serve, List<Recipe> recipes, PipelineBenchOptions options)
            throws InterruptedException {
        if (options.warmUp() == 0) {
            return;
        }
        MakeGenerator generator = new MakeGenerator(recipes, options.seed() + 1);
        List<GeneratedMake> makes = new ArrayList<>(options.warmUp());
        for (int i = 0; i < options.warmUp(); i++) {
            makes.add(generator.next(WARM_UP_FIRST_SEQUENCE + i));
        }
        new MakeUploader(serve.s3(), ServeRuntime.BUCKET, BenchServe.KITCHEN, makes)
                .uploadClosedLoop(options.uploaders());
        var tracker = new CompletionTracker(
                serve.dynamoDb(), ServeRuntime.TABLE, serve.s3(), ServeRuntime.BUCKET, BenchServe.KITCHEN, makes);
        if (!tracker.awaitAll(Duration.ofMinutes(5), POLL_INTERVAL, () -> {})) {
            throw new IllegalStateException("the warm-up did not finish: " + tracker.accounting());
        }
    }

    static void createRecipes(BenchApi api, List<Recipe> recipes) {
        RecipeWriter writer = new RecipeWriter();
        for (Recipe recipe : recipes) {
            BenchApi.Answer answer = api.createRecipe(writer.write(recipe));
            if (answer.status() != 201) {
                throw new IllegalStateException("creating recipe " + recipe.recipeId() + " answered HTTP "
                        + answer.status() + ": " + answer.body());
            }
        }
    }
}
