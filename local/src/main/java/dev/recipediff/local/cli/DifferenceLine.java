package dev.recipediff.local.cli;

import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.RecipeField;

/** One difference as a line a cook can read: {@code ingredient cinnamon: quantity modified 0.5 TBS → 1 TBS}. */
final class DifferenceLine {

    private DifferenceLine() {}

    static String of(Difference d) {
        StringBuilder line = new StringBuilder(d.recipeField().json());
        if (d.recipeField() == RecipeField.INGREDIENT && d.ingredient() != null) {
            line.append(' ').append(d.ingredient());
        }
        if (d.difference() != null && d.difference().stepId() != null) {
            line.append(" step ").append(d.difference().stepId());
        } else if (d.recipePosition() != null || d.makePosition() != null) {
            line.append(" step ").append(d.recipePosition() != null ? d.recipePosition() : d.makePosition());
        }
        line.append(": ");
        if (d.ingredientField() != null) {
            line.append(d.ingredientField().json()).append(' ');
        }
        if (d.parameter() != null) {
            line.append(d.parameter().json()).append(' ');
        }
        line.append(d.change().json());
        if (d.recipeField() == RecipeField.SCALE && d.factor() != null) {
            return line.append(" ×").append(number(d.factor())).toString();
        }
        String recipe = d.difference() == null ? "" : d.difference().recipe();
        String make = d.difference() == null ? "" : d.difference().make();
        if (!recipe.isEmpty() && !make.isEmpty()) {
            line.append(' ').append(quote(recipe)).append(" → ").append(quote(make));
        } else if (!recipe.isEmpty()) {
            line.append(' ').append(quote(recipe));
        } else if (!make.isEmpty()) {
            line.append(' ').append(quote(make));
        }
        return line.toString();
    }

    private static String quote(String text) {
        return text.indexOf(' ') >= 0 ? '"' + text + '"' : text;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
