package dev.recipediff.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * {@code recipediff bench analytics}: {@code GET /stats}, {@code GET /recipes/{id}/stats} and
 * {@code GET /recipes/{id}/insights} latency over HTTP
 * with 1,000 and then N makes stored across R recipes (seeded by {@link StatsSeeder}).
 */
public final class AnalyticsBench {

    /** One measured route at one data size. */
    public record Measurement(int makesStored, String route, LatencySummary latency, String load) {}

    private final int recipes;
    private final int requests;
    private final PrintStream out;

    public AnalyticsBench(int recipes, int requests, PrintStream out) {
        this.recipes = recipes;
        this.requests = requests;
        this.out = out;
    }

    public List<Measurement> run(List<Integer> sizes, Path dataDir, Optional<Path> dynaliteDir)
            throws InterruptedException, IOException {
        List<Measurement> measurements = new ArrayList<>();
        try (BenchServe serve = BenchServe.startFresh(dataDir, dynaliteDir)) {
            List<Recipe> catalog = RecipeCatalog.generate(recipes, 11);
            RecipeWriter writer = new RecipeWriter();
            for (Recipe recipe : catalog) {
                BenchApi.Answer answer = serve.api().createRecipe(writer.write(recipe));
                if (answer.status() != 201) {
                    throw new IllegalStateException(
                            "creating recipe " + recipe.recipeId() + ": HTTP " + answer.status());
                }
            }
            var seeder = new StatsSeeder(serve.dynamoDb(), ServeRuntime.TABLE, BenchServe.KITCHEN);
            int stored = 0;
            for (int size : sizes) {
                int perRecipe = (size - stored) / recipes;
                long started = System.nanoTime();
                seeder.addMakes(catalog, perRecipe, size, 4);
                stored += perRecipe * recipes;
                out.printf(
                        Locale.ROOT,
                        "seeded %d makes (now %d stored) in %.1f s%n",
                        perRecipe * recipes,
                        stored,
                        (System.nanoTime() - started) / 1e9);
                checkServed(serve.api(), catalog.getFirst().recipeId(), stored / recipes);
                measurements.add(measure(serve.api(), stored, "GET /stats", i -> "/stats"));
                Random random = new Random(size);
                measurements.add(measure(
                        serve.api(),
                        stored,
                        "GET /recipes/{id}/stats",
                        i -> "/recipes/"
                                + catalog.get(random.nextInt(catalog.size())).recipeId() + "/stats"));
                measurements.add(measure(
                        serve.api(),
                        stored,
                        "GET /recipes/{id}/insights",
                        i -> "/recipes/"
                                + catalog.get(random.nextInt(catalog.size())).recipeId() + "/insights"));
            }
        }
        return measurements;
    }

    /** The API serves the seeded view and insights: the recipe's stats and insights count every make stored. */
    private static void checkServed(BenchApi api, long recipeId, long expectedMakes) throws IOException {
        BenchApi.Answer insights = api.get("/recipes/" + recipeId + "/insights");
        JsonNode body = RecipeJson.mapper().readTree(insights.body());
        if (insights.status() != 200 || body.path("makes").asLong() != expectedMakes) {
            throw new IllegalStateException("GET /recipes/" + recipeId + "/insights answered " + insights.status()
                    + " with makes=" + body.path("makes") + ", expected " + expectedMakes);
        }
        BenchApi.Answer answer = api.get("/recipes/" + recipeId + "/stats");
        JsonNode stats = RecipeJson.mapper().readTree(answer.body());
        if (answer.status() != 200 || stats.path("makes").asLong() != expectedMakes) {
            throw new IllegalStateException("GET /recipes/" + recipeId + "/stats answered " + answer.status()
                    + " with makes=" + stats.path("makes") + ", expected " + expectedMakes);
        }
    }

    private Measurement measure(BenchApi api, int stored, String route, java.util.function.IntFunction<String> path) {
        for (int i = 0; i < Math.min(200, requests); i++) {
            expectOk(api.get(path.apply(i)), route);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String target = path.apply(i);
            long start = System.nanoTime();
            BenchApi.Answer answer = api.get(target);
            nanos[i] = System.nanoTime() - start;
            expectOk(answer, route);
        }
        Measurement measurement = new Measurement(stored, route, LatencySummary.ofNanos(nanos), LoadAverage.now());
        out.printf(
                Locale.ROOT,
                "  %6d makes  %-24s %s  (load %s)%n",
                stored,
                route,
                measurement.latency(),
                measurement.load());
        return measurement;
    }

    private static void expectOk(BenchApi.Answer answer, String route) {
        if (answer.status() != 200) {
            throw new IllegalStateException(route + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
