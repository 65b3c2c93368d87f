package dev.recipediff.local.bench.realworld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.IngredientLineParser;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import dev.recipediff.local.bench.ProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code recipediff bench realworld}: how recipediff reads and compares real recipes — a folder shaped like
 * {@code ../shared/realworld} ({@code jsonld/<site>/<page>.jsonld}, {@code expected/<site>/<page>.json}, a CSV of
 * labelled ingredient lines) — printed as the table of issue 15's figures.
 */
public final class RealworldBench {

    private static final Pattern HTML = Pattern.compile("&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});|</?[a-zA-Z][^<>]*>");

    /**
     * What to measure.
     *
     * @param dir            the folder (pages under {@code jsonld/}, scraper values under {@code expected/})
     * @param csv            the labelled ingredient lines ({@code null}: none)
     * @param maxPages       at most this many pages (in path order)
     * @param maxLines       at most this many labelled lines
     * @param makesPerRecipe known-edits makes written per accepted recipe
     * @param seed           the generator's seed
     * @param showNoise      print up to this many unexplained differences and missed edits
     * @param writeTo        when not {@code null}: write every make there ({@code makes/NNNNN.json|jsonld}), with
     *                       {@code pairs.tsv} (ORIGINAL&lt;TAB&gt;MAKE, for {@code compare --pairs}) and
     *                       {@code edits.jsonl} (each make's recorded edits)
     */
    public record Options(Path dir, Path csv, int maxPages, int maxLines, int makesPerRecipe, long seed,
                          int showNoise, Path writeTo) {
    }

    /** One row of the table. */
    public record Row(String figure, String value, String goal) {
    }

    /** The figures, and the scores they come from. */
    public record Report(List<Row> rows, int pages, int accepted, int htmlLeft, int stepsCompared,
                         int stepsAgreeing, LineScore lines, Map<String, LineScore> linesBySource,
                         KnownEditsScore knownEdits) {
    }

    private final RecipeReader reader = new RecipeReader();
    private final IngredientLineParser lineParser = new IngredientLineParser();
    private final MakeComparator comparator = new MakeComparator();
    private final PrintStream out;

    public RealworldBench(PrintStream out) {
        this.out = out;
    }

    public Report run(Options options) throws IOException {
        List<Path> pages = pages(options.dir(), options.maxPages());
        List<Recipe> recipes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Path> recipeFiles = new ArrayList<>();
        int htmlLeft = 0;
        int stepsCompared = 0;
        int stepsAgreeing = 0;
        ProgressBar bar = new ProgressBar(out, "pages", pages.size(), System.nanoTime());
        for (int i = 0; i < pages.size(); i++) {
            Path page = pages.get(i);
            Recipe recipe = read(page);
            if (recipe != null) {
                recipes.add(recipe);
                recipeFiles.add(page);
                sources.add(options.dir().relativize(page).toString());
                if (hasHtml(recipe)) {
                    htmlLeft++;
                }
                Integer expected = expectedSteps(options.dir(), page);
                if (expected != null) {
                    stepsCompared++;
                    if (expected == recipe.steps().size()) {
                        stepsAgreeing++;
                    }
                }
            }
            bar.update(i + 1, i + 1, System.nanoTime(), false);
        }
        bar.finish(pages.size(), pages.size(), System.nanoTime());

        LineScore lines = new LineScore();
        Map<String, LineScore> bySource = new TreeMap<>();
        if (options.csv() != null && Files.isRegularFile(options.csv())) {
            List<LabelledLines> labelled = LabelledLines.read(options.csv(), options.maxLines());
            ProgressBar lineBar = new ProgressBar(out, "lines", labelled.size(), System.nanoTime());
            for (int i = 0; i < labelled.size(); i++) {
                LabelledLines label = labelled.get(i);
                Ingredient parsed = lineParser.parse(label.input());
                lines.add(label, parsed);
                bySource.computeIfAbsent(label.source(), s -> new LineScore()).add(label, parsed);
                lineBar.update(i + 1, i + 1, System.nanoTime(), false);
            }
            lineBar.finish(labelled.size(), labelled.size(), System.nanoTime());
        }

        KnownEditsScore known = knownEdits(recipes, sources, recipeFiles, options);
        List<Row> rows = rows(pages.size(), recipes.size(), htmlLeft, stepsCompared, stepsAgreeing, lines, bySource,
                known);
        return new Report(rows, pages.size(), recipes.size(), htmlLeft, stepsCompared, stepsAgreeing, lines,
                bySource, known);
    }

    private KnownEditsScore knownEdits(List<Recipe> recipes, List<String> sources, List<Path> files,
                                       Options options) throws IOException {
        MakeFiles written = options.writeTo() == null ? null : new MakeFiles(options.writeTo());
        try {
            return knownEdits(recipes, sources, files, options, written);
        } finally {
            if (written != null) {
                written.close();
            }
        }
    }

    private KnownEditsScore knownEdits(List<Recipe> recipes, List<String> sources, List<Path> files,
                                       Options options, MakeFiles written) throws IOException {
        KnownEditsGenerator generator = new KnownEditsGenerator(options.seed());
        KnownEditsScore score = new KnownEditsScore();
        int total = recipes.size() * options.makesPerRecipe();
        ProgressBar bar = new ProgressBar(out, "makes", total, System.nanoTime());
        int shown = 0;
        int done = 0;
        for (int r = 0; r < recipes.size(); r++) {
            for (int k = 0; k < options.makesPerRecipe(); k++) {
                Optional<KnownEditsMake> generated = generator.generate(sources.get(r), recipes.get(r));
                done++;
                if (generated.isEmpty()) {
                    continue;
                }
                KnownEditsMake make = generated.get();
                if (written != null) {
                    written.write(files.get(r), make);
                }
                Make read;
                try {
                    read = reader.readMake(make.make());
                } catch (InvalidDocumentException e) {
                    score.addInvalid(make);
                    if (shown++ < options.showNoise()) {
                        out.println("\n" + make.source() + " [" + make.format() + "] make refused: " + e.problems());
                    }
                    continue;
                }
                Comparison comparison = comparator.compare(recipes.get(r), read);
                List<Difference> noise = score.add(make, comparison.differences());
                List<KnownEdit> missed = make.edits().stream().filter(KnownEdit::real)
                        .filter(e -> !KnownEditsScore.found(e, comparison.differences())).toList();
                if ((!noise.isEmpty() || !missed.isEmpty()) && shown++ < options.showNoise()) {
                    out.println("\n" + make.source() + " [" + make.format() + "] edits " + make.edits());
                    noise.forEach(d -> out.println("  noise:  " + describe(d)));
                    missed.forEach(e -> out.println("  missed: " + e));
                }
                bar.update(done, done, System.nanoTime(), false);
            }
        }
        bar.finish(done, done, System.nanoTime());
        return score;
    }

    private static String describe(Difference d) {
        try {
            return RecipeJson.mapper().writeValueAsString(d);
        } catch (IOException e) {
            return d.toString();
        }
    }

    private Recipe read(Path page) {
        try {
            return reader.readRecipe(Files.readAllBytes(page));
        } catch (InvalidDocumentException | IOException e) {
            return null;
        }
    }

    private static List<Path> pages(Path dir, int limit) throws IOException {
        Path jsonld = dir.resolve("jsonld");
        if (!Files.isDirectory(jsonld)) {
            throw new IOException(dir + ": no jsonld/ folder (expected jsonld/<site>/<page>.jsonld)");
        }
        try (Stream<Path> files = Files.walk(jsonld)) {
            return files.filter(p -> p.toString().endsWith(".jsonld")).sorted().limit(limit).toList();
        }
    }

    static boolean hasHtml(Recipe recipe) {
        if (html(recipe.recipeName())) {
            return true;
        }
        for (Ingredient ingredient : recipe.ingredients()) {
            if (html(ingredient.ingredientName()) || html(ingredient.preparation())) {
                return true;
            }
        }
        for (Step step : recipe.steps()) {
            if (html(step.stepText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean html(String text) {
        return text != null && (text.indexOf('&') >= 0 || text.indexOf('<') >= 0) && HTML.matcher(text).find();
    }

    /**
     * The scraper's step count for a page, section headings left out (an item of a few words ending in a colon,
     * or without a full stop and at most four words), or {@code null} when there is no expected file.
     */
    private static Integer expectedSteps(Path dir, Path page) {
        Path relative = dir.resolve("jsonld").relativize(page);
        String name = relative.getFileName().toString().replaceFirst("\\.jsonld$", ".json");
        Path expected = dir.resolve("expected").resolve(relative).resolveSibling(name);
        if (!Files.isRegularFile(expected)) {
            return null;
        }
        try {
            JsonNode list = RecipeJson.mapper().readTree(Files.readAllBytes(expected)).path("instructions_list");
            if (!list.isArray()) {
                return null;
            }
            int steps = 0;
            for (JsonNode item : list) {
                String text = item.asText("").strip();
                boolean heading = text.endsWith(":") || !text.contains(".") && text.split("\\s+").length <= 4;
                if (!text.isEmpty() && !heading) {
                    steps++;
                }
            }
            return steps;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Row> rows(int pages, int accepted, int htmlLeft, int stepsCompared, int stepsAgreeing,
                                  LineScore lines, Map<String, LineScore> bySource, KnownEditsScore known) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("real Recipe JSON-LD documents accepted", share(accepted, pages), "≥ 99.5 %"));
        rows.add(new Row("accepted recipes with HTML entities/tags left in any text", share(htmlLeft, accepted),
                "0"));
        rows.add(new Row("step count agrees with recipe-scrapers' step list", share(stepsAgreeing, stepsCompared),
                "≥ 95 %"));
        rows.add(new Row("ingredient lines: quantity / unit / name token-F1 (" + lines.lines() + " lines)",
                lineFigures(lines), "≥ 99 % / ≥ 95 % / ≥ 0.88"));
        bySource.forEach((source, score) -> rows.add(new Row("  " + source + " (" + score.lines() + " lines)",
                lineFigures(score), "")));
        rows.add(new Row("known edits: recall / precision (" + known.makes() + " makes, " + known.realEdits()
                + " real edits, " + known.differences() + " differences)",
                percent(known.recall()) + " / " + percent(known.precision()), "≥ 99.5 % / ≥ 98 %"));
        rows.add(new Row("makes with only equivalent edits reported as exact (" + known.equivalentOnlyMakes()
                + " makes)", percent(known.equivalentExact()), "≥ 98 %"));
        return rows;
    }

    private static String lineFigures(LineScore score) {
        return score.lines() == 0 ? "n/a (no CSV)" : percent(score.quantity()) + " / " + percent(score.unit())
                + " / " + String.format(Locale.ROOT, "%.3f", score.nameF1());
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "n/a" : percent((double) part / whole) + " (" + part + "/" + whole + ")";
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    /** The table as Markdown. */
    public static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| figure | value | goal |\n|---|---|---|\n");
        rows.forEach(row -> table.append("| ").append(row.figure()).append(" | ").append(row.value()).append(" | ")
                .append(row.goal()).append(" |\n"));
        return table.toString();
    }
}
