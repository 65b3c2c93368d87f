package dev.recipediff.functions.store;

import java.time.Instant;

/**
 * A recorded make.
 *
 * @param recipeId    the recipe
 * @param makeId      1-based per recipe, never reused
 * @param version     the recipe version it was compared against
 * @param exact       whether it had no differences
 * @param document    the make as recorded (original JSON format)
 * @param differences the differences as a JSON array (original schema + extensions)
 * @param receivedAt  when the API received it
 */
public record StoredMake(long recipeId, long makeId, long version, boolean exact, String document,
                         String differences, Instant receivedAt) {
}
