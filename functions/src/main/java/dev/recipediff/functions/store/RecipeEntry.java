package dev.recipediff.functions.store;

import java.time.Instant;

/** A recipe's listing entry ({@code GET /recipes}): derived from its versions, rewritten on every version. */
public record RecipeEntry(long recipeId, String recipeName, long currentVersion, Instant updatedAt) {}
