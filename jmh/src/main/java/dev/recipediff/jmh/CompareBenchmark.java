package dev.recipediff.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link MakeComparator#compare} against the generic JSON diff a user would otherwise pick
 * (zjsonpatch {@code JsonDiff.asJson}), on the same documents, parsed once in {@link #parse()}: the comparator
 * gets them as model records, zjsonpatch as Jackson trees. Run: see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompareBenchmark {

    private final MakeComparator comparator = new MakeComparator();

    private Recipe typicalRecipe;
    private Make typicalMake;
    private JsonNode typicalRecipeTree;
    private JsonNode typicalMakeTree;
    private Recipe largeRecipe;
    private Make largeMake;
    private JsonNode largeRecipeTree;
    private JsonNode largeMakeTree;
    private Recipe largeRecipeWithoutIds;
    private Make largeMakeWithoutIds;

    @Setup
    public void parse() throws IOException {
        RecipeReader reader = new RecipeReader();
        byte[][] typical = BenchmarkDocuments.typicalPair();
        typicalRecipe = reader.readRecipe(typical[0]);
        typicalMake = reader.readMake(typical[1]);
        typicalRecipeTree = RecipeJson.mapper().readTree(typical[0]);
        typicalMakeTree = RecipeJson.mapper().readTree(typical[1]);
        byte[][] large = BenchmarkDocuments.largePair(true);
        largeRecipe = reader.readRecipe(large[0]);
        largeMake = reader.readMake(large[1]);
        largeRecipeTree = RecipeJson.mapper().readTree(large[0]);
        largeMakeTree = RecipeJson.mapper().readTree(large[1]);
        byte[][] largeWithoutIds = BenchmarkDocuments.largePair(false);
        largeRecipeWithoutIds = reader.readRecipe(largeWithoutIds[0]);
        largeMakeWithoutIds = reader.readMake(largeWithoutIds[1]);
        requireDifferences(comparator.compare(typicalRecipe, typicalMake), 3);
    }

    private static void requireDifferences(Comparison comparison, int expected) {
        if (comparison.differences().size() != expected) {
            throw new IllegalStateException(
                    "the typical pair should have " + expected + " differences, has " + comparison.differences());
        }
    }

    @Benchmark
    public Comparison compareTypical() {
        return comparator.compare(typicalRecipe, typicalMake);
    }

    @Benchmark
    public JsonNode zjsonpatchTypical() {
        return JsonDiff.asJson(typicalRecipeTree, typicalMakeTree);
    }

    @Benchmark
    public Comparison compareLarge() {
        return comparator.compare(largeRecipe, largeMake);
    }

    @Benchmark
    public JsonNode zjsonpatchLarge() {
        return JsonDiff.asJson(largeRecipeTree, largeMakeTree);
    }

    /** The large pair without any ids: ingredients matched by name, steps aligned by text. */
    @Benchmark
    public Comparison compareLargeWithoutIds() {
        return comparator.compare(largeRecipeWithoutIds, largeMakeWithoutIds);
    }
}
