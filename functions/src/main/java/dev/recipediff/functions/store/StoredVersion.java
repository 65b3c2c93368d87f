package dev.recipediff.functions.store;

import java.time.Instant;

/**
 * One immutable recipe version.
 *
 * @param recipeId   the recipe
 * @param version    1-based version number
 * @param document   the recipe in the original JSON format
 * @param createdAt  when it was stored
 */
public record StoredVersion(long recipeId, long version, String document, Instant createdAt) {
}
