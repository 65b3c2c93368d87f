package dev.recipediff.core.model;

import java.time.OffsetDateTime;

/**
 * One cooking of a recipe: the same document as a recipe (same {@code recipeId}) plus optional make fields.
 *
 * @param content what was cooked, in the recipe's own shape
 * @param madeAt  when it was made; {@code null} when the document does not say
 * @param madeBy  who made it; {@code null} when the document does not say
 * @param notes   free-text notes; {@code null} when none
 */
public record Make(Recipe content, OffsetDateTime madeAt, String madeBy, String notes) {

    public Long recipeId() {
        return content.recipeId();
    }
}
