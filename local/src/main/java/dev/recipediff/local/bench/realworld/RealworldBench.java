package dev.recipediff.local.bench.realworld;

import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.local.bench.LineQuality;
import dev.recipediff.local.bench.ParseIngredientRunner;
import dev.recipediff.local.bench.ProgressBar;
import dev.recipediff.local.bench.ReaderFigures;
import dev.recipediff.local.bench.ReaderQuality;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code recipediff bench realworld}: how recipediff reads and compares real recipes — a folder shaped like
 * {@code ../shared/realworld} ({@code jsonld/<site>/<page>.jsonld}, {@code expected/<site>/<page>.json}, a CSV of
 * labelled ingredient lines) — printed as the table of issue 15's figures.
 */
public final class RealworldBench {

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
     * @param nodeModulesStart where to look for node_modules/parse-ingredient (upwards), to compare with it
     * @param writeTo        when not {@code null}: write every make there ({@code makes/NNNNN.json|jsonld}), with
     *                       {@code pairs.tsv} (ORIGINAL&lt;TAB&gt;MAKE, for {@code compare --pairs}) and
     *                       {@code edits.jsonl} (each make's recorded edits)
     */
    public record Options(
            Path dir,
            Path csv,
            int maxPages,
            int maxLines,
            int makesPerRecipe,
            long seed,
            int showNoise,
            Path nodeModulesStart,
            Path writeTo) {}

    /** One row of the table. */
    public record Row(String figure, String value, String goal) {}

    /** The figures, and the scores they come from. */
    public record Report(
            List<Row> rows, ReaderFigures reader, List<LineQuality.Report> lines, KnownEditsScore knownEdits) {}

    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();
    private final PrintStream out;

    public RealworldBench(PrintStream out) {
        this.out = out;
    }

    public Report run(Options options) throws IOException {
        ReaderFigures readerFigures = ReaderQuality.measure(options.dir());
        List<Path> pages = pages(options.dir(), options.maxPages());
        List<Recipe> recipes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Path> recipeFiles = new ArrayList<>();
        ProgressBar bar = new ProgressBar(out, "pages", pages.size(), System.nanoTime());
        for (int i = 0; i < pages.size(); i++) {
            Path page = pages.get(i);
            Recipe recipe = read(page);
            if (recipe != null) {
                recipes.add(recipe);
                recipeFiles.add(page);
                sources.add(options.dir().relativize(page).toString());
            }
            bar.update(i + 1, i + 1, System.nanoTime(), false);
        }
        bar.finish(pages.size(), pages.size(), System.nanoTime());

        List<LineQuality.Report> lines = new ArrayList<>();
        if (options.csv() != null && Files.isRegularFile(options.csv())) {
            List<LineQuality.LabelledLine> labelled = LineQuality.read(options.csv());
            labelled = labelled.subList(0, Math.min(labelled.size(), options.maxLines()));
            out.println("lines: " + labelled.size() + " labelled lines");
            lines.add(LineQuality.measure("recipediff", labelled, LineQuality.ours()));
            Optional<ParseIngredientRunner> npm = ParseIngredientRunner.find(options.nodeModulesStart());
            if (npm.isPresent()) {
                lines.add(LineQuality.measure("parse-ingredient", labelled, npm.get()::read));
            }
        }

        KnownEditsScore known = knownEdits(recipes, sources, recipeFiles, options);
        return new Report(rows(readerFigures, lines, known), readerFigures, lines, known);
    }

    private KnownEditsScore knownEdits(List<Recipe> recipes, List<String> sources, List<Path> files, Options options)
            throws IOException {
        MakeFiles written = options.writeTo() == null ? null : new MakeFiles(options.writeTo());
        try {
            return knownEdits(recipes, sources, files, options, written);
        } finally {
            if (written != null) {
                written.close();
            }
        }
    }

    private KnownEditsScore knownEdits(
            List<Recipe> recipes, List<String> sources, List<Path> files, Options options, MakeFiles written)
            throws IOException {
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
                List<KnownEdit> missed = make.edits().stream()
                        .filter(KnownEdit::real)
                        .filter(e -> !KnownEditsScore.found(e, comparison.differences()))
                        .toList();
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
            return files.filter(p -> p.toString().endsWith(".jsonld"))
                    .sorted()
                    .limit(limit)
                    .toList();
        }
    }

    private static List<Row> rows(ReaderFigures reader, List<LineQuality.Report> lines, KnownEditsScore known) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                "real Recipe JSON-LD documents accepted", share(reader.accepted(), reader.documents()), "≥ 99.5 %"));
        rows.add(new Row(
                "accepted recipes with HTML entities/tags left in any text",
                share(reader.withMarkup().size(), reader.accepted()),
                "0"));
        int compared = reader.stepsCompared();
        rows.add(new Row(
                "step count agrees with recipe-scrapers' step list (headings not counted; " + reader.stepsOnlyInHtml()
                        + " more recipes have steps only in HTML)",
                share(compared - reader.stepMismatches().size(), compared),
                "≥ 95 %"));
        if (lines.isEmpty()) {
            rows.add(new Row(
                    "ingredient lines: quantity / unit / name token-F1", "n/a (no CSV)", "≥ 99 % / ≥ 95 % / ≥ 0.88"));
        }
        for (LineQuality.Report report : lines) {
            rows.add(new Row(
                    "ingredient lines: quantity / unit / name token-F1, " + report.parser() + " ("
                            + report.total().lines() + " lines)",
                    lineFigures(report.total()),
                    report.parser().equals("recipediff") ? "≥ 99 % / ≥ 95 % / ≥ 0.88" : ""));
            for (LineQuality.Score source : report.sources()) {
                rows.add(new Row(
                        "  " + report.parser() + ", " + source.source() + " (" + source.lines() + " lines)",
                        lineFigures(source),
                        ""));
            }
        }
        rows.add(new Row(
                "known edits: recall / precision (" + known.makes() + " makes, " + known.realEdits() + " real edits, "
                        + known.differences() + " differences)",
                percent(known.recall()) + " / " + percent(known.precision()),
                "≥ 99.5 % / ≥ 98 %"));
        rows.add(new Row(
                "makes with only equivalent edits reported as exact (" + known.equivalentOnlyMakes() + " makes)",
                percent(known.equivalentExact()),
                "≥ 98 %"));
        return rows;
    }

    private static String lineFigures(LineQuality.Score score) {
        return percent(score.quantity()) + " / " + percent(score.unit()) + " / "
                + String.format(Locale.ROOT, "%.3f", score.nameF1());
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
        rows.forEach(row -> table.append("| ")
                .append(row.figure())
                .append(" | ")
                .append(row.value())
                .append(" | ")
                .append(row.goal())
                .append(" |\n"));
        return table.toString();
    }
}
