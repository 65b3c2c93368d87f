package dev.recipediff.functions.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A make received before its recipe. Once the recipe exists it is assigned a make id and a version
 * (pinned on the item, so concurrent or repeated resolutions agree), recorded as a make, then deleted.
 *
 * @param recipeId   the recipe it is for
 * @param pendingId  its id (derived from the request's write token)
 * @param document   the make (original JSON format)
 * @param receivedAt when the API received it
 * @param makeId     the make id once assigned
 * @param version    the version it is compared against once assigned
 * @param correlationId the correlation id of the upload it came from, or {@code null}
 */
public record PendingMake(
        long recipeId,
        String pendingId,
        String document,
        Instant receivedAt,
        Optional<Long> makeId,
        Optional<Long> version,
        String correlationId) {

    /** A pending make that came with no correlation id. */
    public PendingMake(
            long recipeId,
            String pendingId,
            String document,
            Instant receivedAt,
            Optional<Long> makeId,
            Optional<Long> version) {
        this(recipeId, pendingId, document, receivedAt, makeId, version, null);
    }
}
