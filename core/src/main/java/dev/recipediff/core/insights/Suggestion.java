package dev.recipediff.core.insights;

import dev.recipediff.core.compare.IngredientNames;
import dev.recipediff.core.compare.MachineNumbers;
import dev.recipediff.core.format.IngredientLineParser;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version with every consensus change applied: the recipe scaled by the typical factor, quantities at their
 * median, step parameters at their typical value, substitutions made, the ingredients and steps most cooks add
 * added and those they drop removed, reworded steps as most cooks write them. A reordering and a new name are
 * not applied. When two consensus changes touch the same thing (the oven up in half the makes, down in the other
 * half), the one more makes made wins.
 *
 * @param recipe  the suggested recipe (same id and name as the version)
 * @param applied the consensus changes applied, most made first
 */
public record Suggestion(Recipe recipe, List<ChangeKey> applied) {

    private static final IngredientLineParser LINES = new IngredientLineParser();
    private static final Pattern PARAMETER = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)(\\s*)(°\\s*[fc]\\b|°|degrees?\\s+(?:fahrenheit|celsius|[fc]\\b)|degrees?"
                    + "|deg\\b|fahrenheit|celsius|f\\b|c\\b|minutes?|mins?\\b|hours?|hrs?\\b|h\\b|seconds?|secs?\\b"
                    + "|s\\b)",
            Pattern.CASE_INSENSITIVE);

    public Suggestion {
        Objects.requireNonNull(recipe, "recipe");
        applied = List.copyOf(applied);
    }

    /** The suggestion for {@code version} under {@code consensus} (most made first); {@code null} when none applies. */
    static Suggestion of(InsightsState state, Recipe version, List<Consensus> consensus) {
        if (consensus.isEmpty()) {
            return null;
        }
        List<Ingredient> ingredients = new ArrayList<>(version.ingredients());
        List<Step> steps = new ArrayList<>(version.steps());
        Double servings = version.servings();
        List<ChangeKey> applied = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        List<Ingredient> added = new ArrayList<>();
        List<Consensus> addedSteps = new ArrayList<>();
        Set<Integer> removedSteps = new HashSet<>();

        for (Consensus c : consensus) { // the scale first: quantity changes are relative to the unscaled recipe
            if (c.change().recipeField().equals("scale") && c.typicalValue() != null && touched.add("scale")) {
                double factor = c.typicalValue();
                ingredients.replaceAll(i -> i.quantity() == null
                        ? i
                        : rewritten(
                                i,
                                MachineNumbers.significant(i.quantity() * factor, 3),
                                i.measurement(),
                                i.ingredientName()));
                servings = servings == null ? null : MachineNumbers.significant(servings * factor, 3);
                applied.add(c.change());
            }
        }
        for (Consensus c : consensus) {
            ChangeKey key = c.change();
            String change = key.change() == null ? "" : key.change();
            switch (key.recipeField()) {
                case "servings" -> {
                    if (c.typicalValue() != null && touched.add("servings")) {
                        servings = c.typicalValue();
                        applied.add(key);
                    }
                }
                case "ingredient" -> {
                    if (change.equals("added")) {
                        Ingredient line = parsed(c.typical());
                        if (line != null && touched.add("added ingredient " + key.ingredient())) {
                            added.add(line);
                            applied.add(key);
                        }
                        continue;
                    }
                    int at = indexOf(ingredients, key.ingredient());
                    if (at < 0 || !touched.add("ingredient " + key.ingredient())) {
                        continue;
                    }
                    Ingredient current = ingredients.get(at);
                    Ingredient replacement =
                            switch (change) {
                                case "removed" -> null;
                                case "substituted" -> {
                                    Ingredient line = parsed(c.typical());
                                    yield line == null
                                            ? current
                                            : rewritten(
                                                    current,
                                                    line.quantity(),
                                                    line.measurement(),
                                                    line.ingredientName());
                                }
                                default -> {
                                    if ("quantity".equals(key.ingredientField())) {
                                        Double quantity = Typical.quantity(
                                                version.ingredients().stream()
                                                        .filter(i -> sameName(i, key.ingredient()))
                                                        .findFirst()
                                                        .orElse(null),
                                                ratio(state, key));
                                        yield quantity == null
                                                ? current
                                                : rewritten(
                                                        current,
                                                        quantity,
                                                        current.measurement(),
                                                        current.ingredientName());
                                    }
                                    Ingredient line = parsed(c.typical() + " " + current.ingredientName());
                                    yield line == null || line.quantity() == null
                                            ? current
                                            : rewritten(
                                                    current,
                                                    line.quantity(),
                                                    line.measurement(),
                                                    current.ingredientName());
                                }
                            };
                    if (replacement == null) {
                        ingredients.remove(at);
                    } else if (replacement.equals(current)) {
                        continue;
                    } else {
                        ingredients.set(at, replacement);
                    }
                    applied.add(key);
                }
                case "instruction" -> {
                    Integer position = key.stepPosition();
                    if (change.equals("added")) {
                        if (!c.typical().isBlank() && touched.add("added step " + position)) {
                            addedSteps.add(c);
                            applied.add(key);
                        }
                        continue;
                    }
                    if (position == null
                            || position < 1
                            || position > steps.size()
                            || change.equals("reordered")
                            || !touched.add("step " + position + " " + Objects.toString(key.parameter(), ""))) {
                        continue;
                    }
                    Step step = steps.get(position - 1);
                    if (change.equals("removed")) {
                        removedSteps.add(position);
                        applied.add(key);
                    } else if (key.parameter() != null) {
                        String text = withParameter(
                                step.stepText(), key.parameter(), recipeValue(state, key), c.typicalValue());
                        if (!text.equals(step.stepText())) {
                            steps.set(position - 1, new Step(step.stepId(), text));
                            applied.add(key);
                        }
                    } else if (!c.typical().isBlank()) {
                        steps.set(position - 1, new Step(step.stepId(), c.typical()));
                        applied.add(key);
                    }
                }
                default -> {} // scale is applied above; a new name is not suggested
            }
        }
        if (applied.isEmpty()) {
            return null;
        }
        ingredients.addAll(withIds(added, ingredients));
        List<Step> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!removedSteps.contains(i + 1)) {
                kept.add(steps.get(i));
            }
        }
        long nextStepId = nextId(steps.stream().map(Step::stepId).toList());
        for (Consensus c : addedSteps) {
            int at = Math.min(
                    Math.max(
                                    c.change().stepPosition() == null
                                            ? kept.size() + 1
                                            : c.change().stepPosition(),
                                    1)
                            - 1,
                    kept.size());
            kept.add(at, new Step(nextStepId > 0 ? nextStepId++ : null, c.typical()));
        }
        Recipe suggested =
                new Recipe(version.recipeId(), version.recipeName(), version.rating(), servings, ingredients, kept);
        return new Suggestion(suggested, applied);
    }

    private static Double ratio(InsightsState state, ChangeKey key) {
        KeyTally tally = state.keys().get(key.id());
        return tally == null ? null : tally.values().median();
    }

    private static Double recipeValue(InsightsState state, ChangeKey key) {
        KeyTally tally = state.keys().get(key.id());
        return tally == null ? null : tally.recipeValue();
    }

    /**
     * {@code text} with the first {@code kind} parameter whose value is {@code from} set to {@code to}, in the unit
     * the step writes ("1 hour" at a typical 75 minutes becomes "1.25 hour"); {@code text} itself when none matches.
     */
    static String withParameter(String text, String kind, Double from, Double to) {
        if (from == null || to == null) {
            return text;
        }
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            double number = Double.parseDouble(m.group(1));
            String unit = m.group(3).toLowerCase(Locale.ROOT);
            double perUnit = unit.startsWith("h") ? 60 : unit.startsWith("s") ? 1 / 60.0 : 1;
            boolean duration = unit.startsWith("m") || unit.startsWith("h") || unit.startsWith("s");
            if (duration != kind.equals("duration") || Math.abs(number * perUnit - from) > 1e-6 * Math.max(1, from)) {
                continue;
            }
            String written = MachineNumbers.text(MachineNumbers.significant(to / perUnit, 4));
            return text.substring(0, m.start(1)) + written + text.substring(m.end(1));
        }
        return text;
    }

    private static int indexOf(List<Ingredient> ingredients, String normalisedName) {
        for (int i = 0; i < ingredients.size(); i++) {
            if (sameName(ingredients.get(i), normalisedName)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameName(Ingredient ingredient, String normalisedName) {
        return IngredientNames.normalize(ingredient.ingredientName()).equals(normalisedName);
    }

    private static Ingredient parsed(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        Ingredient parsed = LINES.parse(line);
        return new Ingredient(
                null, parsed.quantity(), parsed.measurement(), parsed.ingredientName(), parsed.preparation(), null);
    }

    private static Ingredient rewritten(Ingredient original, Double quantity, String measurement, String name) {
        return new Ingredient(original.ingredientId(), quantity, measurement, name, original.preparation(), null);
    }

    private static List<Ingredient> withIds(List<Ingredient> added, List<Ingredient> existing) {
        long next = nextId(existing.stream().map(Ingredient::ingredientId).toList());
        List<Ingredient> numbered = new ArrayList<>();
        for (Ingredient i : added) {
            numbered.add(new Ingredient(
                    next > 0 ? next++ : null,
                    i.quantity(),
                    i.measurement(),
                    i.ingredientName(),
                    i.preparation(),
                    null));
        }
        return numbered;
    }

    /** One more than the highest id when the document uses ids; 0 when it uses none. */
    private static long nextId(List<Long> ids) {
        return ids.stream()
                        .filter(Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(-1)
                + 1;
    }
}
