package dev.recipediff.jmh;

import dev.recipediff.core.format.IngredientLineParser;
import dev.recipediff.core.format.ParsedLine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link IngredientLineParser#parseLine} on twelve lines shaped like the web's (written for the project): a
 * metric/imperial pair, packages, ranges, hedges, size words, lists and lines without amounts. Average time per
 * line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LineParserBenchmark {

    private static final List<String> LINES = List.of(
            "200ml/7fl oz single cream",
            "900g/2lb 4oz lamb shoulder, boned and rolled",
            "2 x 400g/14oz tins chopped tomatoes",
            "One 15-ounce can black beans, drained and rinsed",
            "1 1/2 cups (190 grams) plain flour, plus more for dusting",
            "About 2/3 cup buttermilk",
            "4 large cloves garlic, finely chopped",
            "2-3 tbsp rapeseed, sunflower or groundnut oil",
            "3 fat garlic cloves, crushed",
            "Finely grated zest of 2 unwaxed lemons",
            "salt and freshly ground black pepper, to taste",
            "1 heaped tbsp runny honey (or maple syrup)");

    private final IngredientLineParser parser = new IngredientLineParser();

    @Benchmark
    @OperationsPerInvocation(12)
    public void parseLine(Blackhole hole) {
        for (String line : LINES) {
            ParsedLine parsed = parser.parseLine(line);
            hole.consume(parsed);
        }
    }
}
