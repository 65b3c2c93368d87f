package dev.recipediff.core.compare;

import dev.recipediff.core.format.ReadableText;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.units.UnitCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a make with its recipe: what the cook changed, semantically (units normalised, ingredients matched by
 * id or name, a uniform scaling reported once, substitutions, step rewording and parameter changes).
 *
 * <p>Pure and stateless: thread-safe, deterministic (differences in a stable order: name, rating, servings,
 * scale, ingredients, instructions). A field the make leaves out (rating, servings, name) is "not stated", never a
 * difference.
 */
public final class MakeComparator {

    /**
     * Loads the unit catalog now (deriving its factors from Indriya takes up to a second on a cold, busy JVM), so
     * that a handler building its comparator in its constructor pays it in Lambda's init phase, not on a request.
     */
    public MakeComparator() {
        UnitCatalog.find(UnitCatalog.COUNT_UNIT);
    }

    public Comparison compare(Recipe recipe, Make make) {
        Recipe made = make.content();
        Long recipeId = recipe.recipeId() != null ? recipe.recipeId() : made.recipeId();
        List<Difference> differences = new ArrayList<>();
        compareName(recipe, made, recipeId, differences);
        compareRating(recipe, made, recipeId, differences);
        int servingsAt = differences.size();
        double factor = new IngredientComparator(recipeId)
                .compare(recipe.ingredients(), made.ingredients(), recipe.servings(), made.servings(), differences);
        if (factor == 1.0 || recipe.servings() == null) {
            compareServings(recipe, made, recipeId, differences, servingsAt);
        }
        new StepComparator(recipeId).compare(recipe.steps(), made.steps(), differences);
        return new Comparison(differences.isEmpty(), differences);
    }

    private static void compareName(Recipe recipe, Recipe made, Long recipeId, List<Difference> out) {
        if (made.recipeName() == null || made.recipeName().isBlank()) {
            return;
        }
        String before = recipe.recipeName() == null ? "" : recipe.recipeName();
        if (!before.equals(made.recipeName()) && !spaced(before).equalsIgnoreCase(spaced(made.recipeName()))) {
            out.add(Difference.of(RecipeField.NAME, before.isBlank() ? ChangeKind.ADDED : ChangeKind.MODIFIED, recipeId)
                    .sides(before, made.recipeName())
                    .build());
        }
    }

    private static String spaced(String text) {
        return ReadableText.line(text).strip().replaceAll("\\s+", " ");
    }

    private static void compareRating(Recipe recipe, Recipe made, Long recipeId, List<Difference> out) {
        Difference number = numberChange(RecipeField.RATING, recipe.rating(), made.rating(), null, recipeId);
        if (number != null) {
            out.add(number);
        }
    }

    private static void compareServings(Recipe recipe, Recipe made, Long recipeId, List<Difference> out, int at) {
        Difference number =
                numberChange(RecipeField.SERVINGS, recipe.servings(), made.servings(), "servings", recipeId);
        if (number != null) {
            out.add(at, number);
        }
    }

    private static Difference numberChange(RecipeField field, Double before, Double after, String unit, Long recipeId) {
        if (after == null || (before != null && Math.abs(before - after) < 1e-9)) {
            return null;
        }
        return Difference.of(field, before == null ? ChangeKind.ADDED : ChangeKind.MODIFIED, recipeId)
                .sides(before == null ? "" : MachineNumbers.text(before), MachineNumbers.text(after))
                .recipeValue(before, unit)
                .makeValue(after, unit)
                .build();
    }
}
