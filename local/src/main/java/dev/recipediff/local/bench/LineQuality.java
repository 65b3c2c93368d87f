package dev.recipediff.local.bench;

import dev.recipediff.core.format.IngredientLineParser;
import dev.recipediff.core.format.ParsedLine;
import dev.recipediff.core.format.UnitWord;
import dev.recipediff.core.units.UnitCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How well an ingredient-line parser reads labelled lines (a CSV with the columns {@code source,input,name,qty,
 * range_end,unit,…,raw_unit,…}, as {@code ../shared/realworld/ingredient-lines-dev.csv}): per source and in
 * total, the share of lines whose quantity is right, whose unit is right, and the mean token F1 of the name.
 *
 * <p>The rules (the same for every parser measured):
 * <ul>
 *   <li>Quantity: right when both are absent, or both present and within 1 % (a range is judged by its lower
 *       bound, as the labels give it).</li>
 *   <li>Unit: both sides canonicalised — case folded, leading size and qualifier words dropped ("small handful",
 *       "heaped tbsp", "Scant cup"), aliases and plurals mapped to one symbol ("tablespoons" = "tbsp" = "Tb",
 *       "c" = "cup", "gr" = "g"), a plain count ("unit", "piece", "whole") = no unit. When a label's unit is only
 *       a qualifier ("heaping" of "heaping tablespoon"), its next unit word is taken. The labels give the first
 *       unit of the line, which for a packaged amount ("One 28-ounce can", "2 x 400g tins") is the package's
 *       size unit: a parser that reports that size unit separately ({@link ParsedLine#eachMeasurement()}) is
 *       right with either.</li>
 *   <li>Name: token F1 of the two names, tokens being lower-case letter/digit runs with a plural ending folded
 *       ("leaves" = "leaf", "tomatoes" = "tomato").</li>
 * </ul>
 */
public final class LineQuality {

    /** What a parser read from one line, in the terms the labels use. */
    public record Reading(Double quantity, List<String> units, String name) {}

    /** The labels of one line. */
    public record LabelledLine(
            String source, String input, String name, Double quantity, String unit, String rawUnit) {}

    /** The figures of one source (or of all). */
    public record Score(String source, int lines, int quantityRight, int unitRight, double nameF1Sum) {

        public double quantity() {
            return lines == 0 ? 0 : (double) quantityRight / lines;
        }

        public double unit() {
            return lines == 0 ? 0 : (double) unitRight / lines;
        }

        public double nameF1() {
            return lines == 0 ? 0 : nameF1Sum / lines;
        }

        Score plus(boolean quantityOk, boolean unitOk, double f1) {
            return new Score(
                    source,
                    lines + 1,
                    quantityRight + (quantityOk ? 1 : 0),
                    unitRight + (unitOk ? 1 : 0),
                    nameF1Sum + f1);
        }
    }

    /** Per-source figures (in order of first appearance) and the total. */
    public record Report(String parser, List<Score> sources, Score total) {}

    private static final Set<String> UNIT_QUALIFIERS = Set.of(
            "small",
            "sm",
            "large",
            "lg",
            "medium",
            "med",
            "md",
            "medium-size",
            "medium-sized",
            "big",
            "extra-large",
            "good",
            "generous",
            "scant",
            "heaped",
            "heaping",
            "level",
            "rounded",
            "thin",
            "thick",
            "very",
            "fat",
            "plump",
            "long",
            "fine",
            "couple",
            "few",
            "good-sized",
            "a",
            "an",
            "of",
            "about");

    private LineQuality() {}

    /** recipediff's {@link IngredientLineParser} on the labelled lines of {@code csv}. */
    public static Report measure(Path csv) throws IOException {
        return measure("recipediff", read(csv), ours());
    }

    /**
     * recipediff's parser and, when node and {@code node_modules/parse-ingredient} are found from
     * {@code nodeModulesStart} upwards, npm parse-ingredient, on the same labelled lines (ours first).
     */
    public static List<Report> measureAgainstParseIngredient(Path csv, Path nodeModulesStart) throws IOException {
        List<LabelledLine> lines = read(csv);
        List<Report> reports = new ArrayList<>(2);
        reports.add(measure("recipediff", lines, ours()));
        var runner = ParseIngredientRunner.find(nodeModulesStart);
        if (runner.isPresent()) {
            reports.add(measure("parse-ingredient", lines, runner.get()::read));
        }
        return reports;
    }

    /** How recipediff's parser reads a batch of lines, in the labels' terms. */
    public static Function<List<String>, List<Reading>> ours() {
        IngredientLineParser parser = new IngredientLineParser();
        return lines -> lines.stream()
                .map(line -> {
                    ParsedLine parsed = parser.parseLine(line);
                    List<String> units = new ArrayList<>(2);
                    units.add(parsed.measurement());
                    if (parsed.eachMeasurement() != null) {
                        units.add(parsed.eachMeasurement());
                    }
                    return new Reading(
                            parsed.quantityImplied() ? null : parsed.quantity(), units, parsed.ingredientName());
                })
                .toList();
    }

    /** Any parser (given all lines at once, answering in the same order) on labelled lines. */
    public static Report measure(
            String parserName, List<LabelledLine> lines, Function<List<String>, List<Reading>> parser) {
        List<Reading> readings =
                parser.apply(lines.stream().map(LabelledLine::input).toList());
        if (readings.size() != lines.size()) {
            throw new IllegalStateException(parserName + " answered " + readings.size() + " lines for " + lines.size());
        }
        Map<String, Score> bySource = new LinkedHashMap<>();
        Score total = new Score("total", 0, 0, 0, 0);
        for (int i = 0; i < lines.size(); i++) {
            LabelledLine line = lines.get(i);
            Reading reading = readings.get(i);
            boolean quantityOk = quantityRight(line.quantity(), reading.quantity());
            boolean unitOk = unitRight(line, reading.units());
            double f1 = nameF1(line.name(), reading.name());
            bySource.merge(
                    line.source(),
                    new Score(line.source(), 0, 0, 0, 0).plus(quantityOk, unitOk, f1),
                    (a, b) -> new Score(
                            a.source(),
                            a.lines() + 1,
                            a.quantityRight() + b.quantityRight(),
                            a.unitRight() + b.unitRight(),
                            a.nameF1Sum() + b.nameF1Sum()));
            total = total.plus(quantityOk, unitOk, f1);
        }
        return new Report(parserName, List.copyOf(bySource.values()), total);
    }

    static boolean quantityRight(Double expected, Double actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        return Math.abs(expected - actual) <= 0.01 * Math.max(Math.abs(expected), Math.abs(actual));
    }

    static boolean unitRight(LabelledLine line, List<String> units) {
        String expected = canonicalUnit(line.unit());
        if (expected.isEmpty() && line.unit() != null && !line.unit().isBlank()) {
            expected = nextUnit(line.unit(), line.rawUnit());
        }
        for (String unit : units) {
            if (canonicalUnit(unit).equals(expected)) {
                return true;
            }
        }
        return units.isEmpty() && expected.isEmpty();
    }

    /** The label's next unit word after a unit that was only a qualifier ("heaping" of "heaping tablespoon"). */
    private static String nextUnit(String unit, String rawUnit) {
        if (rawUnit == null) {
            return "";
        }
        String folded = rawUnit.strip();
        String prefix = unit.strip();
        if (!folded.startsWith(prefix)) {
            return "";
        }
        String[] words = folded.substring(prefix.length()).strip().split("\\s+");
        for (String word : words) {
            String canonical = canonicalUnit(word);
            if (!canonical.isEmpty()) {
                return canonical;
            }
        }
        return "";
    }

    /** One spelling per unit: "" for none or a plain count, else the catalog's or the parser's symbol. */
    public static String canonicalUnit(String unit) {
        if (unit == null) {
            return "";
        }
        List<String> words = new ArrayList<>(Arrays.asList(unit.strip().split("\\s+")));
        while (!words.isEmpty() && UNIT_QUALIFIERS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return "";
        }
        String text = String.join(" ", words);
        var word = UnitWord.of(text);
        if (word.isPresent()) {
            return count(word.get().symbol());
        }
        var catalogued = UnitCatalog.find(text);
        if (catalogued.isPresent()) {
            var cooking = catalogued.get();
            return count(
                    cooking.baseUnit().equals("ml") || cooking.baseUnit().equals("g")
                            ? cooking.baseUnit() + "×" + cooking.factorToBase()
                            : cooking.baseUnit());
        }
        return singular(text.toLowerCase(Locale.ROOT));
    }

    private static String count(String symbol) {
        return symbol.equals(UnitCatalog.COUNT_UNIT) || symbol.equals("piece") || symbol.equals("whole") ? "" : symbol;
    }

    /** Token F1 of two names (0 when either is empty and the other is not). */
    public static double nameF1(String expected, String actual) {
        Map<String, Integer> want = tokens(expected);
        Map<String, Integer> got = tokens(actual);
        if (want.isEmpty() || got.isEmpty()) {
            return want.isEmpty() && got.isEmpty() ? 1 : 0;
        }
        int common = 0;
        int wantCount = 0;
        int gotCount = 0;
        for (int n : want.values()) {
            wantCount += n;
        }
        for (Map.Entry<String, Integer> entry : got.entrySet()) {
            gotCount += entry.getValue();
            common += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / gotCount;
        double recall = (double) common / wantCount;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> tokens = new HashMap<>();
        if (text == null) {
            return tokens;
        }
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.merge(singular(token), 1, Integer::sum);
            }
        }
        return tokens;
    }

    /** A light plural fold: "leaves" → "leaf", "berries" → "berry", "tomatoes" → "tomato", "cups" → "cup". */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ves")) {
            return word.substring(0, word.length() - 3) + "f";
        }
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4
                && (word.endsWith("oes")
                        || word.endsWith("shes")
                        || word.endsWith("ches")
                        || word.endsWith("sses")
                        || word.endsWith("xes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** The labelled lines of a CSV with a header naming at least source, input, name, qty, unit (and raw_unit). */
    public static List<LabelledLine> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            throw new IOException(csv + ": empty (expected a header line)");
        }
        List<String> header = rows.get(0);
        int source = column(csv, header, "source");
        int input = column(csv, header, "input");
        int name = column(csv, header, "name");
        int qty = column(csv, header, "qty");
        int unit = column(csv, header, "unit");
        int rawUnit = header.indexOf("raw_unit");
        List<LabelledLine> lines = new ArrayList<>(rows.size());
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() < header.size()) {
                throw new IOException(
                        csv + ": row " + (i + 1) + " has " + row.size() + " columns, expected " + header.size());
            }
            String quantity = row.get(qty).strip();
            Double value;
            try {
                value = quantity.isEmpty() ? null : Double.valueOf(quantity);
            } catch (NumberFormatException e) {
                throw new IOException(csv + ": row " + (i + 1) + ", column qty: not a number", e);
            }
            lines.add(new LabelledLine(
                    row.get(source),
                    row.get(input),
                    row.get(name),
                    value,
                    row.get(unit),
                    rawUnit < 0 ? "" : row.get(rawUnit)));
        }
        return lines;
    }

    private static int column(Path csv, List<String> header, String name) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IOException(csv + ": no column '" + name + "' in the header " + header);
        }
        return index;
    }

    /** The figures of one or more parsers side by side, one row per source and parser. */
    public static String table(List<Report> reports) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%-14s %-18s %7s %9s %7s %8s%n",
                "source",
                "parser",
                "lines",
                "quantity",
                "unit",
                "name F1"));
        List<String> sources = new ArrayList<>();
        for (Report report : reports) {
            for (Score score : report.sources()) {
                if (!sources.contains(score.source())) {
                    sources.add(score.source());
                }
            }
        }
        sources.add("total");
        for (String source : sources) {
            for (Report report : reports) {
                Score score = source.equals("total")
                        ? report.total()
                        : report.sources().stream()
                                .filter(s -> s.source().equals(source))
                                .findFirst()
                                .orElse(null);
                if (score != null) {
                    out.append(String.format(
                            Locale.ROOT,
                            "%-14s %-18s %7d %8.1f%% %6.1f%% %8.3f%n",
                            source,
                            report.parser(),
                            score.lines(),
                            100 * score.quantity(),
                            100 * score.unit(),
                            score.nameF1()));
                }
            }
        }
        return out.toString();
    }
}
