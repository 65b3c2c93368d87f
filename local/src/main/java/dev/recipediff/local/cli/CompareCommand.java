package dev.recipediff.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.Problem;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recipediff compare ORIGINAL MAKE}: what this make changed, one line per change; {@code compare --pairs FILE}:
 * every {@code ORIGINAL<TAB>MAKE} pair of FILE in one process, one JSON line per pair ({@link ComparePairs}).
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare a make with its original recipe.",
            "Exit status: 0 made exactly, 1 different, 2 invalid input (every problem on stderr).",
            "With --pairs FILE: one JSON line per ORIGINAL<TAB>MAKE line of FILE (original, make, exit, and "
                    + "differences or problems); exit status the highest of the pairs'."
        })
final class CompareCommand implements Callable<Integer> {

    static final int EXACT = 0;
    static final int DIFFERENT = 1;
    static final int INVALID = 2;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ORIGINAL",
            description = "the recipe (original JSON or schema.org JSON-LD)")
    Path original;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MAKE", description = "the make (either format)")
    Path make;

    @Option(
            names = "--pairs",
            paramLabel = "FILE",
            description = "compare every ORIGINAL<TAB>MAKE line of FILE ('-' = standard input), one JSON line each")
    Path pairs;

    @Option(names = "--json", description = "print the differences array (difference schema) instead of lines")
    boolean json;

    @Spec
    CommandSpec spec;

    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pairs != null) {
            if (original != null || make != null) {
                err.println("compare: give either ORIGINAL MAKE or --pairs FILE, not both");
                return INVALID;
            }
            return new ComparePairs(reader, comparator).run(pairs, out, err);
        }
        if (original == null || make == null) {
            err.println("compare: ORIGINAL and MAKE are required (or --pairs FILE)");
            return INVALID;
        }
        Parsed<Recipe> recipe = parse(original, reader::readRecipe);
        Parsed<Make> cooked = parse(make, reader::readMake);
        if (recipe.error() != null || cooked.error() != null) {
            Stream.of(recipe.error(), cooked.error()).filter(Objects::nonNull).forEach(err::println);
            return INVALID;
        }
        Comparison comparison = comparator.compare(recipe.value(), cooked.value());
        if (json) {
            out.println(RecipeJson.mapper()
                    .writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(comparison.differences()));
        } else if (comparison.exact()) {
            out.println("exact: made as written");
        } else {
            comparison.differences().forEach(d -> out.println(DifferenceLine.of(d)));
        }
        return comparison.exact() ? EXACT : DIFFERENT;
    }

    /** A parsed file, or why it could not be parsed (every problem, one per line). */
    private record Parsed<T>(T value, String error) {}

    private static <T> Parsed<T> parse(Path file, Function<byte[], T> read) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Parsed<>(null, file + ": no such file");
        } catch (IOException e) {
            return new Parsed<>(null, file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return new Parsed<>(read.apply(bytes), null);
        } catch (InvalidDocumentException e) {
            StringBuilder text = new StringBuilder(file + ": " + e.getMessage());
            for (Problem p : e.problems()) {
                text.append(System.lineSeparator())
                        .append("  ")
                        .append(p.pointer())
                        .append(": ")
                        .append(p.problem());
            }
            return new Parsed<>(null, text.toString());
        }
    }
}
