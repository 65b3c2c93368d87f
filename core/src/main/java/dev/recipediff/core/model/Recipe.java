package dev.recipediff.core.model;

import java.util.List;

/**
 * A recipe in the original format (also what a schema.org Recipe is read into).
 *
 * @param recipeId    the recipe's id; {@code null} only for a schema.org document that carries none
 * @param recipeName  the name
 * @param rating      the rating; {@code null} when absent
 * @param servings    servings (schema.org {@code recipeYield}); {@code null} when absent
 * @param ingredients ingredients in document order (never null)
 * @param steps       steps in document order (never null)
 */
public record Recipe(
        Long recipeId,
        String recipeName,
        Double rating,
        Double servings,
        List<Ingredient> ingredients,
        List<Step> steps) {

    public Recipe {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Recipe withRecipeId(Long id) {
        return new Recipe(id, recipeName, rating, servings, ingredients, steps);
    }
}
