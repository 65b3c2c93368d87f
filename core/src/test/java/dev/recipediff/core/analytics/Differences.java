package dev.recipediff.core.analytics;

import dev.recipediff.core.compare.ChangeKind;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.IngredientField;
import dev.recipediff.core.compare.RecipeField;
import dev.recipediff.core.compare.Sides;
import dev.recipediff.core.compare.StepParameterKind;

/** Test data: differences shaped like the ones the comparator writes for the sample makes. */
final class Differences {

    static final long APPLE_PIE = 2;
    static final long PANCAKES = 7;

    private Differences() {}

    static Difference rating(double recipe, double make) {
        return new Difference(
                RecipeField.RATING,
                APPLE_PIE,
                null,
                ChangeKind.MODIFIED,
                null,
                null,
                null,
                null,
                Sides.of(text(recipe), text(make)),
                recipe,
                null,
                make,
                null,
                null,
                null,
                null,
                null);
    }

    static Difference quantity(String ingredient, double recipeMl, double makeMl, String recipeText, String makeText) {
        return new Difference(
                RecipeField.INGREDIENT,
                APPLE_PIE,
                null,
                ChangeKind.MODIFIED,
                3L,
                IngredientField.QUANTITY,
                ingredient,
                null,
                Sides.of(recipeText, makeText),
                recipeMl,
                "ml",
                makeMl,
                "ml",
                null,
                null,
                null,
                null);
    }

    static Difference temperature(long stepId, double recipe, double make) {
        return new Difference(
                RecipeField.INSTRUCTION,
                APPLE_PIE,
                null,
                ChangeKind.MODIFIED,
                null,
                null,
                null,
                StepParameterKind.TEMPERATURE,
                new Sides(text(recipe) + " degrees", text(make) + " degrees", stepId),
                recipe,
                "degrees",
                make,
                "degrees",
                null,
                (int) stepId,
                (int) stepId,
                null);
    }

    static Difference duration(long stepId, double recipe, double make) {
        return new Difference(
                RecipeField.INSTRUCTION,
                APPLE_PIE,
                null,
                ChangeKind.MODIFIED,
                null,
                null,
                null,
                StepParameterKind.DURATION,
                new Sides(text(recipe) + " minutes", text(make) + " minutes", stepId),
                recipe,
                "min",
                make,
                "min",
                null,
                (int) stepId,
                (int) stepId,
                null);
    }

    static Difference scaled(double factor) {
        return new Difference(
                RecipeField.SCALE,
                PANCAKES,
                null,
                ChangeKind.SCALED,
                null,
                null,
                null,
                null,
                Sides.of("×1 (4 servings)", "×" + text(factor) + " (8 servings)"),
                4.0,
                "servings",
                4.0 * factor,
                "servings",
                factor,
                null,
                null,
                null);
    }

    static Difference substituted(String from, String makeText) {
        return new Difference(
                RecipeField.INGREDIENT,
                PANCAKES,
                null,
                ChangeKind.SUBSTITUTED,
                5L,
                IngredientField.INGREDIENT_NAME,
                from,
                null,
                Sides.of("2 cup " + from, makeText),
                473.176,
                "ml",
                473.176,
                "ml",
                null,
                null,
                null,
                null);
    }

    static Difference added(String ingredient) {
        return new Difference(
                RecipeField.INGREDIENT,
                PANCAKES,
                null,
                ChangeKind.ADDED,
                null,
                null,
                ingredient,
                null,
                Sides.of("", "2 tbsp " + ingredient),
                null,
                null,
                29.5735,
                "ml",
                null,
                null,
                null,
                null);
    }

    static Difference stepRemoved(long stepId, String text) {
        return new Difference(
                RecipeField.INSTRUCTION,
                PANCAKES,
                null,
                ChangeKind.REMOVED,
                null,
                null,
                null,
                null,
                new Sides(text, "", stepId),
                null,
                null,
                null,
                null,
                null,
                (int) stepId,
                null,
                null);
    }

    private static String text(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
