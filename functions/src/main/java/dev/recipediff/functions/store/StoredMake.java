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
 * @param correlationId the correlation id of the upload it came from ({@code null} for a make sent to the API
 *                      directly, or recorded before correlation ids existed)
 */
public record StoredMake(
        long recipeId,
        long makeId,
        long version,
        boolean exact,
        String document,
        String differences,
        Instant receivedAt,
        String correlationId) {

    /** A make that came with no correlation id. */
    public StoredMake(
            long recipeId,
            long makeId,
            long version,
            boolean exact,
            String document,
            String differences,
            Instant receivedAt) {
        this(recipeId, makeId, version, exact, document, differences, receivedAt, null);
    }
}
