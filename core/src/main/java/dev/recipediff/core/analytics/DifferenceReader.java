package dev.recipediff.core.analytics;

import dev.recipediff.core.compare.ChangeKind;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.IngredientField;
import dev.recipediff.core.compare.RecipeField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a make changed from its differences, using only their machine fields ({@code change},
 * {@code ingredient}, {@code parameter}, values, units, factor) — never by parsing the text sides. The one text
 * used is the make side of a substitution ("2 cup milk"), shown as the substitute: the schema has no
 * normalised make-side name.
 */
final class DifferenceReader {

    private DifferenceReader() {}

    static MakeChanges read(List<Difference> differences) {
        boolean modified = false;
        Map<String, MakeChanges.Changed> ingredients = new LinkedHashMap<>();
        Map<String, MakeChanges.Changed> steps = new LinkedHashMap<>();
        List<MakeChanges.Substitution> substitutions = new ArrayList<>();
        List<MakeChanges.Observation> quantities = new ArrayList<>();
        List<MakeChanges.Observation> parameters = new ArrayList<>();
        Double scaleFactor = null;

        for (Difference d : differences) {
            RecipeField field = d.recipeField();
            if (field == null || field == RecipeField.RATING) {
                continue; // the cook's own rating is an outcome, not a change to the recipe
            }
            modified = true;
            switch (field) {
                case SCALE -> scaleFactor = d.factor();
                case INGREDIENT -> readIngredient(d, ingredients, substitutions, quantities);
                case INSTRUCTION -> readStep(d, steps, parameters);
                default -> {} // name and servings changes count as modifications only
            }
        }
        return new MakeChanges(
                modified,
                List.copyOf(ingredients.values()),
                List.copyOf(steps.values()),
                substitutions,
                quantities,
                parameters,
                scaleFactor);
    }

    private static void readIngredient(
            Difference d,
            Map<String, MakeChanges.Changed> ingredients,
            List<MakeChanges.Substitution> substitutions,
            List<MakeChanges.Observation> quantities) {
        String name = d.ingredient() != null ? d.ingredient() : sideText(d);
        ingredients.putIfAbsent(name, new MakeChanges.Changed(name, name));
        if (d.change() == ChangeKind.SUBSTITUTED) {
            substitutions.add(new MakeChanges.Substitution(name, d.difference().make()));
        }
        if (d.change() == ChangeKind.MODIFIED
                && d.ingredientField() == IngredientField.QUANTITY
                && d.recipeValue() != null
                && d.makeValue() != null
                && d.recipeUnit() != null
                && d.recipeUnit().equals(d.makeUnit())) {
            quantities.add(new MakeChanges.Observation(name, name, d.recipeUnit(), d.recipeValue(), d.makeValue()));
        }
    }

    private static void readStep(
            Difference d, Map<String, MakeChanges.Changed> steps, List<MakeChanges.Observation> parameters) {
        String key = stepKey(d);
        steps.putIfAbsent(key, new MakeChanges.Changed(key, stepLabel(d)));
        if (d.parameter() != null
                && d.recipeValue() != null
                && d.makeValue() != null
                && d.recipeUnit() != null
                && d.recipeUnit().equals(d.makeUnit())) {
            String parameterKey = key + " " + d.parameter().json();
            String label = stepName(d) + " " + d.parameter().json();
            parameters.add(
                    new MakeChanges.Observation(parameterKey, label, d.recipeUnit(), d.recipeValue(), d.makeValue()));
        }
    }

    /** Steps are identified by id when the recipe has them, else by their position in the recipe. */
    private static String stepKey(Difference d) {
        Long stepId = d.difference() == null ? null : d.difference().stepId();
        if (stepId != null && d.change() != ChangeKind.ADDED) {
            return "step " + stepId;
        }
        if (d.change() == ChangeKind.ADDED) {
            return "added steps";
        }
        return d.recipePosition() != null ? "step at " + d.recipePosition() : "steps";
    }

    private static String stepName(Difference d) {
        Long stepId = d.difference() == null ? null : d.difference().stepId();
        if (stepId != null) {
            return "Step " + stepId;
        }
        return d.recipePosition() != null ? "Step " + d.recipePosition() : "Step";
    }

    /** "Step 2" for every change of a step, so that its count has one label; clients show the step's text. */
    private static String stepLabel(Difference d) {
        return d.change() == ChangeKind.ADDED ? "(steps added)" : stepName(d);
    }

    private static String sideText(Difference d) {
        if (d.difference() == null) {
            return "?";
        }
        return d.difference().recipe().isBlank()
                ? d.difference().make()
                : d.difference().recipe();
    }
}
