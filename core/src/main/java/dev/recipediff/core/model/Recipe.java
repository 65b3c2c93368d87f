package dev.recipediff.core.model;

import java.util.List;

/**
 * A recipe in the original format (also what a schema.org Recipe is read into).
 *
 * @param recipeId    the recipe's id; {@code null} only for a schema.org document that carries none
 * @param recipeName  the name
 * @param rating      the rating; {@code null} when absent
 * @param servings    servings (schema.org {@code recipeYield}: its first number); {@code null} when absent
 * @param yieldText   the yield as the document writes it ("8-10", "Serves 4 to 6", "24 cookies"), kept whole next
 *                    to the number used as {@code servings}; {@code null} when the document gives no text
 * @param ingredients ingredients in document order (never null)
 * @param steps       steps in document order (never null)
 */
public record Recipe(
        Long recipeId,
        String recipeName,
        Double rating,
        Double servings,
        String yieldText,
        List<Ingredient> ingredients,
        List<Step> steps) {

    public Recipe {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A recipe without a yield text. */
    public Recipe(
            Long recipeId,
            String recipeName,
            Double rating,
            Double servings,
            List<Ingredient> ingredients,
            List<Step> steps) {
        this(recipeId, recipeName, rating, servings, null, ingredients, steps);
    }

    public Recipe withRecipeId(Long id) {
        return new Recipe(id, recipeName, rating, servings, yieldText, ingredients, steps);
    }
}
