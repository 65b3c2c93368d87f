package dev.recipediff.core.compare;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.units.NormalizedQuantity;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The ingredient differences of a make: a scale change, then per recipe ingredient (in recipe order) its
 * substitution, measurement or quantity change or its removal, then the added ingredients (in make order).
 * Under a scale ×k, quantities are compared with k × the recipe amount, and a quantity difference says so in
 * {@code factor} and in its recipe text.
 */
final class IngredientComparator {

    private final Long recipeId;

    IngredientComparator(Long recipeId) {
        this.recipeId = recipeId;
    }

    /** Appends the differences; returns the scale factor found (1.0 when none). */
    double compare(
            List<Ingredient> recipeIngredients,
            List<Ingredient> makeIngredients,
            Double recipeServings,
            Double makeServings,
            List<Difference> out) {
        IngredientMatching matching = IngredientMatching.match(
                PreparedIngredient.of(recipeIngredients), PreparedIngredient.of(makeIngredients));
        OptionalDouble scale = ScaleDetector.detect(matching, recipeServings, makeServings);
        if (matching.hasPending()) {
            matching.resolvePending(scale.isPresent() ? scale.getAsDouble() : matching.pendingFactor());
            scale = ScaleDetector.detect(matching, recipeServings, makeServings);
        }
        double factor = scale.orElse(1.0);
        if (scale.isPresent()) {
            out.add(scaleDifference(factor, recipeServings, makeServings));
        }
        matching.pairSubstitutions(factor);
        for (PreparedIngredient r : matching.recipe()) {
            int m = matching.makeOf(r.index());
            if (m < 0) {
                out.add(removed(r));
            } else {
                PreparedIngredient made = matching.make().get(m);
                if (matching.isSubstitution(r.index()) || !r.sameName(made)) {
                    out.add(substituted(r, made));
                } else {
                    compareAmounts(r, made, factor, out);
                }
            }
        }
        for (PreparedIngredient made : matching.make()) {
            if (matching.recipeOf(made.index()) < 0) {
                out.add(added(made));
            }
        }
        return factor;
    }

    private Difference scaleDifference(double factor, Double recipeServings, Double makeServings) {
        String recipeText = "×1";
        String makeText = "×" + MachineNumbers.text(factor);
        if (recipeServings != null && makeServings != null) {
            recipeText += " (" + MachineNumbers.text(recipeServings) + " servings)";
            makeText += " (" + MachineNumbers.text(makeServings) + " servings)";
        }
        Difference.Builder scale = Difference.of(RecipeField.SCALE, ChangeKind.SCALED, recipeId)
                .sides(recipeText, makeText)
                .factor(factor);
        if (recipeServings != null && makeServings != null) {
            scale.recipeValue(recipeServings, "servings").makeValue(makeServings, "servings");
        }
        return scale.build();
    }

    private void compareAmounts(PreparedIngredient r, PreparedIngredient made, double factor, List<Difference> out) {
        if (factor == 1.0 && r.sameAmountAsWritten(made)) {
            return;
        }
        NormalizedQuantity before = r.quantity();
        NormalizedQuantity after = made.quantity();
        if (before == null && after == null) {
            return;
        }
        if (before != null && after != null && !before.isComparableTo(after)) {
            out.add(change(r, made, IngredientField.MEASUREMENT, 1.0));
            return;
        }
        if (before != null && after != null && r.sameAmount(made, factor)) {
            return;
        }
        out.add(change(r, made, IngredientField.QUANTITY, factor));
    }

    private Difference change(PreparedIngredient r, PreparedIngredient made, IngredientField field, double factor) {
        boolean scaled = factor != 1.0;
        Difference.Builder change = Difference.of(RecipeField.INGREDIENT, ChangeKind.MODIFIED, recipeId)
                .ingredient(r.id(), field, r.name())
                .sides(scaled ? r.amount(factor) : r.amount(), made.amount());
        if (r.quantity() != null) {
            NormalizedQuantity expected = r.quantity().times(factor);
            change.recipeValue(expected.value(), expected.unit());
        }
        if (made.quantity() != null) {
            change.makeValue(made.quantity().value(), made.quantity().unit());
        }
        if (scaled) {
            change.factor(factor);
        }
        return change.build();
    }

    private Difference substituted(PreparedIngredient r, PreparedIngredient made) {
        Difference.Builder change = Difference.of(RecipeField.INGREDIENT, ChangeKind.SUBSTITUTED, recipeId)
                .ingredient(r.id(), IngredientField.INGREDIENT_NAME, r.name())
                .sides(r.describe(), made.describe());
        values(change, r, made);
        return change.build();
    }

    private Difference removed(PreparedIngredient r) {
        Difference.Builder change = Difference.of(RecipeField.INGREDIENT, ChangeKind.REMOVED, recipeId)
                .ingredient(r.id(), null, r.name())
                .sides(r.describe(), "");
        values(change, r, null);
        return change.build();
    }

    private Difference added(PreparedIngredient made) {
        Difference.Builder change = Difference.of(RecipeField.INGREDIENT, ChangeKind.ADDED, recipeId)
                .ingredient(made.id(), null, made.name())
                .sides("", made.describe());
        values(change, null, made);
        return change.build();
    }

    private static void values(Difference.Builder change, PreparedIngredient r, PreparedIngredient made) {
        if (r != null && r.quantity() != null) {
            change.recipeValue(r.quantity().value(), r.quantity().unit());
        }
        if (made != null && made.quantity() != null) {
            change.makeValue(made.quantity().value(), made.quantity().unit());
        }
    }
}
