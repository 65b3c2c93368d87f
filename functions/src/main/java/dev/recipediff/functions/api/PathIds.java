package dev.recipediff.functions.api;

import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.recipes.RecipeBook;

/** Numeric path variables ({@code recipeId}, {@code makeId}, {@code version}): 1 to 2^53 - 1, or a 400. */
final class PathIds {

    private PathIds() {}

    static long positive(ApiRequest request, String name) {
        String text = request.pathVariable(name);
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= RecipeBook.MAX_RECIPE_ID) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParameter(
                "/path/" + name, "must be an integer from 1 to " + RecipeBook.MAX_RECIPE_ID);
    }
}
