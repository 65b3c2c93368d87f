package dev.recipediff.local.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.Problem;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code recipediff compare --pairs FILE}: compares every {@code ORIGINAL<TAB>MAKE} line of FILE in one process and
 * writes one JSON object per line: {@code {"original", "make", "exit", "differences"}} (exit 0 exact, 1 different)
 * or {@code {"original", "make", "exit": 2, "problems": [{"file", "pointer", "problem"}]}}. Blank lines and lines
 * starting with {@code #} are skipped; a line without a tab is a problem of its own. Originals read once are kept
 * (up to {@value #CACHED_ORIGINALS}) so that many makes of one recipe parse it once; pairs are compared in
 * batches on every core and written in input order.
 */
final class ComparePairs {

    static final int CACHED_ORIGINALS = 1_000;
    private static final int BATCH = 512;

    private final RecipeReader reader;
    private final MakeComparator comparator;
    private final ObjectWriter json = RecipeJson.mapper().writer();
    private final Map<String, Object> originals = new ConcurrentHashMap<>();

    ComparePairs(RecipeReader reader, MakeComparator comparator) {
        this.reader = reader;
        this.comparator = comparator;
    }

    /** Returns the highest exit status of the pairs (0 when there were none), or 2 when FILE cannot be read. */
    int run(Path file, PrintWriter out, PrintWriter err) {
        int worst = CompareCommand.EXACT;
        try (BufferedReader lines = file.toString().equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            List<String[]> batch = new ArrayList<>(BATCH);
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    batch.add(new String[] {line, Integer.toString(number)});
                }
                if (batch.size() == BATCH) {
                    worst = Math.max(worst, flush(batch, out));
                }
            }
            worst = Math.max(worst, flush(batch, out));
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return CompareCommand.INVALID;
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getMessage() + ")");
            return CompareCommand.INVALID;
        }
        out.flush();
        return worst;
    }

    /** Compares a batch on every core, writes its lines in input order; returns the highest exit status. */
    private int flush(List<String[]> batch, PrintWriter out) {
        if (originals.size() > CACHED_ORIGINALS) {
            originals.clear();
        }
        List<String> written = batch.parallelStream()
                .map(pair -> {
                    try {
                        PairResult result = compare(pair[0], Integer.parseInt(pair[1]));
                        return result.exit() + json.writeValueAsString(result);
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
        int worst = CompareCommand.EXACT;
        for (String line : written) {
            worst = Math.max(worst, line.charAt(0) - '0');
            out.println(line.substring(1));
        }
        batch.clear();
        return worst;
    }

    /** One output line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"original", "make", "exit", "differences", "problems"})
    record PairResult(
            String original, String make, int exit, List<Difference> differences, List<PairProblem> problems) {}

    /** A problem of a pair: which file (absent for a malformed line), where, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"file", "pointer", "problem"})
    record PairProblem(String file, String pointer, String problem) {}

    PairResult compare(String line, int number) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return new PairResult(
                    line,
                    null,
                    CompareCommand.INVALID,
                    null,
                    List.of(new PairProblem(null, "", "line " + number + ": expected ORIGINAL<TAB>MAKE")));
        }
        String originalPath = line.substring(0, tab).strip();
        String makePath = line.substring(tab + 1).strip();
        Object recipe = originals.computeIfAbsent(originalPath, p -> read(p, true));
        Object make = read(makePath, false);
        List<PairProblem> problems = new ArrayList<>();
        addProblems(problems, originalPath, recipe);
        addProblems(problems, makePath, make);
        if (!problems.isEmpty()) {
            return new PairResult(originalPath, makePath, CompareCommand.INVALID, null, problems);
        }
        Comparison comparison = comparator.compare((Recipe) recipe, (Make) make);
        return new PairResult(
                originalPath,
                makePath,
                comparison.exact() ? CompareCommand.EXACT : CompareCommand.DIFFERENT,
                comparison.differences(),
                null);
    }

    /** The document, or the {@link Problem}s (an {@link InvalidDocumentException}) or a read error (a String). */
    private Object read(String path, boolean recipe) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(path));
        } catch (NoSuchFileException e) {
            return "no such file";
        } catch (IOException | RuntimeException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
        try {
            return recipe ? reader.readRecipe(bytes) : reader.readMake(bytes);
        } catch (InvalidDocumentException e) {
            return e;
        }
    }

    private static void addProblems(List<PairProblem> problems, String file, Object read) {
        if (read instanceof String message) {
            problems.add(new PairProblem(file, "", message));
        } else if (read instanceof InvalidDocumentException e) {
            for (Problem p : e.problems()) {
                problems.add(new PairProblem(file, p.pointer(), p.problem()));
            }
        }
    }
}
