package dev.recipediff.local.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.ReadableText;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the reader on a folder of real pages laid out as {@code ../shared/realworld}: {@code jsonld/<site>/<page>.jsonld}
 * (the JSON-LD of a page holding a schema.org Recipe) and {@code expected/<site>/<page>.json} (what recipe-scrapers
 * extracted: its {@code instructions_list}). Measurement only: it reads the folder and returns figures.
 *
 * <p>Step counts: ours is the number of steps read; the expected one is the length of {@code instructions_list}
 * minus its headings. recipe-scrapers lists a {@code HowToSection}'s name as an item of its own, and a
 * {@code HowToStep}'s {@code name} too when it is a title rather than the start of its text ("Make the sauce",
 * then the text). An expected item is taken for a heading when it equals (ignoring case, markup, white space and a
 * final {@code :}) the {@code section} of a step we read, or the name of a {@code HowToSection}, or the
 * {@code name} of a {@code HowToStep} whose {@code text} does not start with it, in the same document. Recipes
 * whose JSON-LD has no {@code recipeInstructions} at all (their steps live only in the page's HTML) are counted
 * apart ({@link ReaderFigures#stepsOnlyInHtml()}); the agreement is over the others.
 *
 * <p>Run {@code main} (dev entry point) to print the figures and, with {@code --verbose}, every refusal,
 * markup left and step mismatch.
 */
public final class ReaderQuality {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private final RecipeReader reader = new RecipeReader();

    /** The figures for the folder {@code dir} (holding {@code jsonld/} and, optionally, {@code expected/}). */
    public static ReaderFigures measure(Path dir) {
        return new ReaderQuality().run(dir);
    }

    private ReaderFigures run(Path dir) {
        Path pages = dir.resolve("jsonld");
        if (!Files.isDirectory(pages)) {
            throw new IllegalArgumentException(
                    pages + " is not a directory (expected DIR/jsonld/<site>/<page>.jsonld)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(pages)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonld"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pages, e);
        }
        List<ReaderFigures.Refusal> refusals = new ArrayList<>();
        List<ReaderFigures.MarkupLeft> markup = new ArrayList<>();
        List<ReaderFigures.StepMismatch> mismatches = new ArrayList<>();
        int compared = 0;
        int onlyInHtml = 0;
        for (Path file : files) {
            String name = pages.relativize(file).toString();
            Recipe recipe;
            try {
                recipe = reader.readRecipe(Files.readAllBytes(file));
            } catch (InvalidDocumentException e) {
                refusals.add(new ReaderFigures.Refusal(
                        name,
                        e.code(),
                        e.problems().stream()
                                .map(p -> p.pointer() + ": " + p.problem())
                                .toList()));
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            firstMarkup(recipe).forEach((field, text) -> markup.add(new ReaderFigures.MarkupLeft(name, field, text)));
            Path expectedFile = dir.resolve("expected").resolve(name.replaceAll("\\.jsonld$", ".json"));
            List<String> expected = expectedSteps(expectedFile);
            JsonNode tree = lenientTree(file);
            if (expected != null && !hasInstructions(tree)) {
                onlyInHtml++;
            } else if (expected != null) {
                compared++;
                Set<String> headings = headings(tree);
                recipe.steps().stream()
                        .map(Step::section)
                        .filter(s -> s != null)
                        .forEach(s -> headings.add(key(s)));
                int expectedCount = (int) expected.stream()
                        .filter(item -> !headings.contains(key(item)))
                        .count();
                if (expectedCount != recipe.steps().size()) {
                    mismatches.add(
                            new ReaderFigures.StepMismatch(name, recipe.steps().size(), expectedCount));
                }
            }
        }
        return new ReaderFigures(files.size(), refusals, markup, compared, onlyInHtml, mismatches);
    }

    /** The first text of the recipe that still holds markup, keyed by its field (empty when clean). */
    static Map<String, String> firstMarkup(Recipe recipe) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("/recipeName", recipe.recipeName());
        texts.put("/yieldText", recipe.yieldText());
        for (int i = 0; i < recipe.ingredients().size(); i++) {
            Ingredient ingredient = recipe.ingredients().get(i);
            String at = "/ingredients/" + i + "/";
            texts.put(at + "measurement", ingredient.measurement());
            texts.put(at + "ingredientName", ingredient.ingredientName());
            texts.put(at + "preparation", ingredient.preparation());
            texts.put(at + "text", ingredient.text());
        }
        for (int i = 0; i < recipe.steps().size(); i++) {
            Step step = recipe.steps().get(i);
            texts.put("/steps/" + i + "/stepText", step.stepText());
            texts.put("/steps/" + i + "/section", step.section());
        }
        for (Map.Entry<String, String> text : texts.entrySet()) {
            if (ReadableText.hasMarkup(text.getValue())) {
                return Map.of(text.getKey(), text.getValue());
            }
        }
        return Map.of();
    }

    private static List<String> expectedSteps(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode list = RecipeJson.mapper().readTree(file.toFile()).get("instructions_list");
            if (list == null || !list.isArray()) {
                return null;
            }
            List<String> steps = new ArrayList<>();
            list.forEach(item -> steps.add(item.asText()));
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The document as parsed by a browser (raw control characters, comments, duplicate keys: the last wins). */
    private static JsonNode lenientTree(Path file) {
        try {
            return LENIENT.readTree(file.toFile());
        } catch (IOException e) {
            return LENIENT.nullNode();
        }
    }

    private static boolean hasInstructions(JsonNode tree) {
        for (JsonNode instructions : tree.findValues("recipeInstructions")) {
            if (!instructions.isNull()
                    && !(instructions.isContainerNode() && instructions.isEmpty())
                    && !(instructions.isTextual() && instructions.textValue().isBlank())) {
                return true;
            }
        }
        return false;
    }

    /** The names recipe-scrapers lists as items: HowToSection names, HowToStep titles that are not their text. */
    private static Set<String> headings(JsonNode tree) {
        Set<String> headings = new HashSet<>();
        collectHeadings(tree, headings);
        return headings;
    }

    private static void collectHeadings(JsonNode node, Set<String> headings) {
        if (node.isObject()) {
            String type = node.path("@type").toString().toLowerCase(Locale.ROOT);
            String name = node.path("name").isTextual() ? node.path("name").textValue() : null;
            String text = node.path("text").isTextual() ? node.path("text").textValue() : null;
            if (name != null && type.contains("howtosection")) {
                headings.add(key(name));
            } else if (name != null
                    && text != null
                    && type.contains("howtostep")
                    && !key(text).startsWith(key(name))) {
                headings.add(key(name));
            }
        }
        node.forEach(child -> collectHeadings(child, headings));
    }

    private static String key(String text) {
        String line = ReadableText.line(text).toLowerCase(Locale.ROOT);
        return line.endsWith(":") ? line.substring(0, line.length() - 1).strip() : line;
    }

    /** Dev entry point: {@code ReaderQuality [DIR] [--verbose]}, DIR defaulting to {@code ../shared/realworld}. */
    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--verbose");
        Path dir = Path.of(
                Stream.of(args).filter(a -> !a.startsWith("--")).findFirst().orElse("../shared/realworld"));
        long started = System.nanoTime();
        ReaderFigures figures;
        try {
            figures = measure(dir);
        } catch (IllegalArgumentException e) {
            System.err.println("ReaderQuality: " + e.getMessage());
            System.exit(2);
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (verbose) {
            figures.refusals()
                    .forEach(r -> System.out.println("refused " + r.file() + " " + r.code() + " " + r.problems()));
            figures.withMarkup()
                    .forEach(m -> System.out.println("markup  " + m.file() + " " + m.field() + " " + m.text()));
            figures.stepMismatches()
                    .forEach(m -> System.out.println(
                            "steps   " + m.file() + " ours " + m.ours() + " expected " + m.expected()));
        }
        figures.summary().forEach(System.out::println);
        System.out.println(figures.documents() + " documents in " + millis + " ms");
    }
}
