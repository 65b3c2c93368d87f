package dev.recipediff.core.insights;

import dev.recipediff.core.compare.ChangeKind;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.IngredientField;
import dev.recipediff.core.compare.IngredientNames;
import dev.recipediff.core.compare.RecipeField;
import dev.recipediff.core.format.IngredientLineParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link ChangeKey}s of one make from its differences — their machine fields only, plus the make side's
 * text where a change has no number (a substitute, an added line, a reworded step). Each key counts once per make.
 * The cook's own rating is an outcome, not a change: it has no key.
 */
public final class ChangeKeys {

    /** Texts longer than this are cut (a step rewritten into an essay must not grow the stored state). */
    static final int MAX_TEXT = 300;

    private static final IngredientLineParser LINES = new IngredientLineParser();

    private ChangeKeys() {}

    /**
     * What one make changed, one entry per key.
     *
     * @param key    the change
     * @param value  its number, for {@linkplain ChangeKey#numeric() numeric} keys: the make's amount divided by the
     *               recipe's (unscaled) amount for a quantity, the make's value for a step parameter or servings, the
     *               factor for a scale; {@code null} otherwise
     * @param recipeValue the recipe side's number (a step parameter, servings), {@code null} when none
     * @param unit   the unit of {@code value} and {@code recipeValue} ("min", "degrees", "°F", "servings"), or
     *               {@code null}
     * @param text   the make side as written (a substitute's line, an added line or step, a reworded step,
     *               a measurement), {@code null} when the change has no text
     */
    public record Observed(ChangeKey key, Double value, Double recipeValue, String unit, String text) {}

    /** The keys of a make's differences, in the order of the differences. */
    public static List<Observed> of(List<Difference> differences) {
        Map<String, Observed> keys = new LinkedHashMap<>();
        for (Difference d : differences) {
            Observed observed = observe(d);
            if (observed != null) {
                keys.putIfAbsent(observed.key().id(), observed);
            }
        }
        return new ArrayList<>(keys.values());
    }

    /** Whether a make with these differences was made as written: nothing changed but the cook's own rating. */
    public static boolean asWritten(List<Difference> differences) {
        return differences.stream().allMatch(d -> d.recipeField() == null || d.recipeField() == RecipeField.RATING);
    }

    private static Observed observe(Difference d) {
        if (d.recipeField() == null || d.recipeField() == RecipeField.RATING) {
            return null;
        }
        String field = d.recipeField().json();
        return switch (d.recipeField()) {
            case INGREDIENT -> ingredient(d, field);
            case INSTRUCTION -> instruction(d, field);
            case SCALE ->
                d.factor() == null || d.factor() == 1.0
                        ? null
                        : new Observed(
                                new ChangeKey(field, null, null, null, null, null, direction(d.factor(), 1.0), null),
                                d.factor(),
                                1.0,
                                null,
                                null);
            case SERVINGS ->
                d.makeValue() == null
                        ? null
                        : new Observed(
                                new ChangeKey(
                                        field,
                                        d.recipeValue() == null ? "added" : null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        d.recipeValue() == null ? null : direction(d.makeValue(), d.recipeValue()),
                                        null),
                                d.recipeValue() == null ? null : d.makeValue(),
                                d.recipeValue(),
                                "servings",
                                text(
                                        d.difference() == null
                                                ? null
                                                : d.difference().make()));
            case NAME ->
                new Observed(
                        new ChangeKey(
                                field,
                                d.change() == null ? "modified" : d.change().json(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        null,
                        null,
                        null,
                        text(d.difference() == null ? null : d.difference().make()));
            default -> null;
        };
    }

    private static Observed ingredient(Difference d, String field) {
        String name = d.ingredient();
        if (name == null || d.change() == null) {
            return null;
        }
        String make = d.difference() == null ? null : d.difference().make();
        return switch (d.change()) {
            case ADDED, REMOVED ->
                new Observed(
                        new ChangeKey(field, d.change().json(), name, null, null, null, null, null),
                        null,
                        null,
                        null,
                        d.change() == ChangeKind.ADDED ? text(make) : null);
            case SUBSTITUTED ->
                new Observed(
                        new ChangeKey(
                                field,
                                "substituted",
                                name,
                                IngredientField.INGREDIENT_NAME.json(),
                                null,
                                null,
                                null,
                                substituteName(make)),
                        null,
                        null,
                        null,
                        text(make));
            case MODIFIED -> modifiedIngredient(d, field, name, make);
            default -> null;
        };
    }

    private static Observed modifiedIngredient(Difference d, String field, String name, String make) {
        if (d.ingredientField() == IngredientField.QUANTITY
                && d.recipeValue() != null
                && d.makeValue() != null
                && d.recipeValue() > 0
                && sameUnit(d)) {
            double unscaled = d.factor() == null || d.factor() <= 0 ? d.recipeValue() : d.recipeValue() / d.factor();
            return new Observed(
                    new ChangeKey(
                            field,
                            null,
                            name,
                            IngredientField.QUANTITY.json(),
                            null,
                            null,
                            direction(d.makeValue(), d.recipeValue()),
                            null),
                    d.makeValue() / unscaled,
                    null,
                    null,
                    null);
        }
        if (d.ingredientField() == IngredientField.MEASUREMENT || d.ingredientField() == IngredientField.QUANTITY) {
            return new Observed(
                    new ChangeKey(field, null, name, IngredientField.MEASUREMENT.json(), null, null, null, null),
                    null,
                    null,
                    null,
                    text(make));
        }
        return null;
    }

    private static Observed instruction(Difference d, String field) {
        if (d.change() == null) {
            return null;
        }
        String make = d.difference() == null ? null : d.difference().make();
        return switch (d.change()) {
            case ADDED ->
                new Observed(
                        new ChangeKey(field, "added", null, null, null, d.makePosition(), null, null),
                        null,
                        null,
                        null,
                        text(make));
            case REMOVED, REORDERED ->
                new Observed(
                        new ChangeKey(field, d.change().json(), null, null, null, d.recipePosition(), null, null),
                        null,
                        null,
                        null,
                        null);
            case MODIFIED -> {
                if (d.parameter() == null) {
                    yield new Observed(
                            new ChangeKey(field, "modified", null, null, null, d.recipePosition(), null, null),
                            null,
                            null,
                            null,
                            text(make));
                }
                if (d.recipeValue() == null || d.makeValue() == null) {
                    yield null;
                }
                Double value = sameUnit(d) ? d.makeValue() : null;
                yield new Observed(
                        new ChangeKey(
                                field,
                                null,
                                null,
                                null,
                                d.parameter().json(),
                                d.recipePosition(),
                                direction(d.makeValue(), d.recipeValue()),
                                null),
                        value,
                        d.recipeValue(),
                        d.recipeUnit(),
                        null);
            }
            default -> null;
        };
    }

    private static String direction(double make, double recipe) {
        return make >= recipe ? ChangeKey.UP : ChangeKey.DOWN;
    }

    private static boolean sameUnit(Difference d) {
        return d.recipeUnit() == null ? d.makeUnit() == null : d.recipeUnit().equals(d.makeUnit());
    }

    /** The normalised name of the ingredient a make-side line ("2 cup milk") names. */
    static String substituteName(String line) {
        if (line == null || line.isBlank()) {
            return "?";
        }
        String name = LINES.parse(line).ingredientName();
        String normalised = IngredientNames.normalize(name);
        return normalised.startsWith("unit ") ? normalised.substring(5) : normalised;
    }

    private static String text(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
