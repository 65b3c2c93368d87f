package dev.recipediff.local.bench;

import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.StoredMake;
import dev.recipediff.local.serve.DataDirectory;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code recipediff bench soak}: serve on a fresh data directory in this process, makes offered open loop at a
 * fixed rate for a fixed time, and every sample interval: RSS per process, bytes on disk per store, the latency
 * of the makes recorded in the interval and the jobs queue's depth. Nothing per make is kept in memory (makes
 * are generated as they are uploaded; latency comes from the recorded make's {@code receivedAt} and the
 * upload's intended start, which the open loop's schedule gives), so the benchmark's own memory stays flat.
 */
public final class SoakBench {

    /**
     * @param minutes        how long makes are offered
     * @param rate           makes per second offered
     * @param recipes        recipes the makes are spread over
     * @param sampleInterval time between samples
     * @param dataDir        a fresh data directory
     * @param dynaliteDir    where dynalite is installed (empty = found from the working directory)
     * @param outDir         where the table ({@code soak.md}), the samples ({@code soak.csv}) and the chart
     *                       ({@code soak.png}) are written
     */
    public record Options(
            double minutes,
            double rate,
            int recipes,
            Duration sampleInterval,
            Path dataDir,
            Optional<Path> dynaliteDir,
            Path outDir,
            long seed) {
        public Options {
            if (minutes <= 0 || rate <= 0 || recipes <= 0 || sampleInterval.isNegative() || sampleInterval.isZero()) {
                throw new IllegalArgumentException("minutes, rate, recipes and the sample interval must be positive");
            }
        }
    }

    public record Result(SoakReport report, Path table, Path csv, Path chart) {}

    private SoakBench() {}

    public static Result run(Options options, PrintStream progress) throws InterruptedException, IOException {
        Files.createDirectories(options.outDir());
        try (BenchServe serve = BenchServe.startFresh(options.dataDir(), options.dynaliteDir())) {
            List<Recipe> recipes = RecipeCatalog.generate(options.recipes(), options.seed());
            PipelineBench.createRecipes(serve.api(), recipes);
            var observer = new RecordedMakes(
                    new MakeRecords(new RecipeTable(serve.dynamoDb(), ServeRuntime.TABLE)),
                    recipes.stream().map(Recipe::recipeId).toList());
            var load = new OpenLoop(serve, new MakeGenerator(recipes, options.seed()), options.rate());
            DataDirectory data = new DataDirectory(options.dataDir());
            String jobsQueue = serve.endpoints().jobsQueueUrl();
            List<SoakSample> samples = new ArrayList<>();
            long intervalNanos = options.sampleInterval().toNanos();
            long durationNanos = (long) (options.minutes() * 60e9);
            Thread uploads = Thread.ofPlatform().name("soak-uploads").start(() -> load.run(durationNanos));
            try {
                for (long next = load.firstNanos() + intervalNanos; ; next += intervalNanos) {
                    long wait;
                    while ((wait = next - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    List<Long> latencies = observer.poll(load);
                    SoakSample sample = new SoakSample(
                            (System.nanoTime() - load.firstNanos()) / 1e9,
                            load.offered(),
                            observer.recorded(),
                            residentMiB(),
                            diskBytes(data),
                            percentile(latencies, 0.50),
                            percentile(latencies, 0.99),
                            queueDepth(serve, jobsQueue));
                    samples.add(sample);
                    progress.printf(
                            Locale.ROOT,
                            "soak %5.0f s: offered %d, recorded %d, RSS %.0f MiB, disk %.1f MiB, "
                                    + "p50 %.0f ms, p99 %.0f ms, queue %d%n",
                            sample.seconds(),
                            sample.offered(),
                            sample.recorded(),
                            sample.totalRssMiB(),
                            sample.totalDiskBytes() / 1048576.0,
                            sample.p50Millis(),
                            sample.p99Millis(),
                            sample.queueDepth());
                    if (next - load.firstNanos() >= durationNanos) {
                        break;
                    }
                }
            } finally {
                load.stop();
                uploads.join(Duration.ofMinutes(1));
            }
            load.rethrowFailure();
            SoakReport report = new SoakReport(samples, options.minutes(), options.rate());
            return write(report, options.outDir());
        }
    }

    private static Result write(SoakReport report, Path outDir) throws IOException {
        Path table = outDir.resolve("soak.md");
        try (PrintStream out = new PrintStream(Files.newOutputStream(table), true, StandardCharsets.UTF_8)) {
            report.printVerdicts(out);
            out.println();
            report.printTable(out);
        }
        Path csv = outDir.resolve("soak.csv");
        Files.writeString(csv, csv(report.samples()));
        Path chart = outDir.resolve("soak.png");
        SoakChart.write(
                report.samples(),
                String.format(
                        Locale.ROOT,
                        "recipediff bench soak: %.1f min at %.1f makes/s",
                        report.minutes(),
                        report.rate()),
                chart);
        return new Result(report, table, csv, chart);
    }

    static String csv(List<SoakSample> samples) {
        List<String> processes = SoakSample.processes(samples);
        List<String> stores = SoakSample.stores(samples);
        StringBuilder csv = new StringBuilder("seconds,offered,recorded");
        processes.forEach(p -> csv.append(",rss_mib_").append(p));
        stores.forEach(s -> csv.append(",disk_bytes_").append(s));
        csv.append(",p50_ms,p99_ms,queue\n");
        for (SoakSample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.1f,%d,%d", s.seconds(), s.offered(), s.recorded()));
            processes.forEach(p ->
                    csv.append(String.format(Locale.ROOT, ",%.1f", s.rssMiB().getOrDefault(p, 0.0))));
            stores.forEach(st -> csv.append(',').append(s.diskBytes().getOrDefault(st, 0L)));
            csv.append(String.format(Locale.ROOT, ",%.1f,%.1f,%d%n", s.p50Millis(), s.p99Millis(), s.queueDepth()));
        }
        return csv.toString();
    }

    /** The makes, generated one at a time and offered on a fixed schedule, each upload on a virtual thread. */
    static final class OpenLoop {
        private final BenchServe serve;
        private final MakeGenerator generator;
        private final long periodNanos;
        private final long firstNanos = System.nanoTime();
        private final Instant firstWall = Instant.now();
        private final AtomicLong offered = new AtomicLong();
        private volatile boolean stopped;
        private volatile RuntimeException failure;

        OpenLoop(BenchServe serve, MakeGenerator generator, double rate) {
            this.serve = serve;
            this.generator = generator;
            this.periodNanos = (long) (1e9 / rate);
        }

        long firstNanos() {
            return firstNanos;
        }

        long offered() {
            return offered.get();
        }

        /** When the upload of make {@code sequence} was meant to start, on the wall clock. */
        Instant intendedStart(int sequence) {
            return firstWall.plusNanos(sequence * periodNanos);
        }

        void run(long durationNanos) {
            try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("soak-upload-", 0).factory())) {
                for (int sequence = 0; !stopped && failure == null; sequence++) {
                    long intended = firstNanos + sequence * periodNanos;
                    if (intended - firstNanos >= durationNanos) {
                        break;
                    }
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0 && !stopped) {
                        LockSupport.parkNanos(wait);
                    }
                    GeneratedMake make = generator.next(sequence);
                    pool.execute(() -> put(make));
                }
            }
        }

        private void put(GeneratedMake make) {
            try {
                serve.s3()
                        .putObject(
                                b -> b.bucket(ServeRuntime.BUCKET)
                                        .key(BenchServe.KITCHEN + "/makes/" + make.fileName())
                                        .contentType("application/json"),
                                RequestBody.fromBytes(make.body()));
                offered.incrementAndGet();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void stop() {
            stopped = true;
        }

        void rethrowFailure() {
            if (failure != null) {
                throw new IllegalStateException(
                        "an upload failed after " + offered.get() + " makes: " + failure.getMessage(), failure);
            }
        }
    }

    /** Follows the makes recorded per recipe (the ids after the last one seen), with their latencies. */
    static final class RecordedMakes {
        private final MakeRecords makes;
        private final List<Long> recipeIds;
        private final Map<Long, Long> lastSeen = new HashMap<>();
        private long recorded;

        RecordedMakes(MakeRecords makes, List<Long> recipeIds) {
            this.makes = makes;
            this.recipeIds = List.copyOf(recipeIds);
        }

        long recorded() {
            return recorded;
        }

        /** Latencies (ms) of the makes recorded since the last poll. */
        List<Long> poll(OpenLoop load) {
            List<Long> latencies = new ArrayList<>();
            for (long recipeId : recipeIds) {
                List<StoredMake> page;
                do {
                    page = makes.since(BenchServe.KITCHEN, recipeId, lastSeen.getOrDefault(recipeId, 0L), 500);
                    for (StoredMake make : page) {
                        lastSeen.merge(recipeId, make.makeId(), Math::max);
                        recorded++;
                        int sequence = MakeGenerator.sequenceOf(make.document());
                        if (sequence >= 0) {
                            latencies.add(Duration.between(load.intendedStart(sequence), make.receivedAt())
                                    .toMillis());
                        }
                    }
                } while (page.size() == 500);
            }
            return latencies;
        }
    }

    static double percentile(List<Long> values, double percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return LatencySummary.rank(sorted, percentile * 100);
    }

    /** RSS of this JVM ("java") and of each child process by command name ("node"), in MiB. */
    static Map<String, Double> residentMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        Stream.concat(Stream.of(self), self.descendants()).forEach(process -> vmRssKiB(process.pid())
                .ifPresent(kiB -> rss.merge(
                        process.info()
                                .command()
                                .map(c -> Path.of(c).getFileName().toString())
                                .orElse("?"),
                        kiB / 1024.0,
                        Double::sum)));
        return rss;
    }

    private static Optional<Long> vmRssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(
                            line.substring("VmRSS:".length()).replace("kB", "").strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Map<String, Long> diskBytes(DataDirectory data) {
        Map<String, Long> disk = new LinkedHashMap<>();
        disk.put("s3", bytesUnder(data.s3()));
        disk.put("dynamodb", bytesUnder(data.dynamoDb()));
        disk.put("sqs", bytesUnder(data.sqs()));
        return disk;
    }

    /**
     * Bytes of the regular files under {@code dir}. A file or folder that vanishes during the walk (LevelDB
     * compacts, S3Proxy renames its temporary files) is skipped, not allowed to end the walk: the first version
     * gave up on the whole store then, and the 84-minute soak's chart shows the resulting drops to zero.
     */
    static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(
                        Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total[0] += attributes.size();
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException vanished) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult postVisitDirectory(Path folder, IOException vanished) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }

    private static long queueDepth(BenchServe serve, String queueUrl) {
        var attributes = serve.sqs()
                .getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(
                        attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }
}
