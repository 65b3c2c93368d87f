package dev.recipediff.local.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recipediff bench analytics --makes 100000}. */
@Command(
        name = "analytics",
        mixinStandardHelpOptions = true,
        description = "GET /stats, GET /recipes/{id}/stats and GET /recipes/{id}/insights latency (p50/p99) "
                + "with 1,000 and then N makes stored "
                + "across R recipes; prints the p99 ratio.")
public final class AnalyticsBenchCommand implements Callable<Integer> {

    @Option(
            names = "--makes",
            paramLabel = "N",
            defaultValue = "100000",
            description = "makes stored at the end (default 100000)")
    int makes;

    @Option(names = "--recipes", paramLabel = "R", defaultValue = "100", description = "recipes (default 100)")
    int recipes;

    @Option(
            names = "--requests",
            paramLabel = "K",
            defaultValue = "1000",
            description = "measured requests per route and size (default 1000)")
    int requests;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "a fresh (empty) data directory (default: a new temporary one)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        int small = Math.min(1_000, makes);
        List<Integer> sizes = makes > small ? List.of(small, makes) : List.of(small);
        Path directory = BenchCommand.freshDataDir(dataDir, "analytics");
        List<AnalyticsBench.Measurement> results;
        try {
            results = new AnalyticsBench(recipes, requests, System.out)
                    .run(sizes, directory, BenchCommand.dynaliteFromHome());
        } finally {
            BenchCommand.deleteCreated(directory, dataDir);
        }
        if (sizes.size() == 2) {
            for (String route : List.of("GET /stats", "GET /recipes/{id}/stats", "GET /recipes/{id}/insights")) {
                double smallP99 = p99(results, sizes.get(0), route);
                double largeP99 = p99(results, sizes.get(1), route);
                System.out.printf(
                        Locale.ROOT,
                        "  %-24s p99 %d/%d ratio %.2f (goal <= 1.5; p99 goal <= 50 ms)%n",
                        route,
                        sizes.get(1),
                        sizes.get(0),
                        largeP99 / smallP99);
            }
        }
        return 0;
    }

    private static double p99(List<AnalyticsBench.Measurement> results, int size, String route) {
        return results.stream()
                .filter(m -> m.makesStored() == size && m.route().equals(route))
                .findFirst()
                .orElseThrow()
                .latency()
                .p99Millis();
    }
}
