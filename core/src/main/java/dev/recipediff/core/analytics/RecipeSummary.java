package dev.recipediff.core.analytics;

import java.time.OffsetDateTime;

/**
 * One recipe's line in the kitchen-wide {@code GET /stats}.
 *
 * @param recipeId      the recipe
 * @param recipeName    its name ({@code null} when unknown)
 * @param makes         how many makes
 * @param shareExact    share made as written (0..1, 3 decimals); {@code null} without makes
 * @param lastMadeAt    the latest make time; {@code null} without makes
 * @param averageRating average rating of all rated makes; {@code null} when none was rated
 */
public record RecipeSummary(
        long recipeId,
        String recipeName,
        long makes,
        Double shareExact,
        OffsetDateTime lastMadeAt,
        Double averageRating) {

    static RecipeSummary of(RecipeStatsView view) {
        return new RecipeSummary(
                view.recipeId(),
                view.recipeName(),
                view.makes(),
                RecipeStats.share(view),
                view.lastMadeAt(),
                view.exactRatings().plus(view.modifiedRatings()).average());
    }
}
