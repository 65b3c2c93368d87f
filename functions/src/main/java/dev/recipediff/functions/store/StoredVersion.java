package dev.recipediff.functions.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One immutable recipe version.
 *
 * @param recipeId   the recipe
 * @param version    1-based version number
 * @param document   the recipe in the original JSON format
 * @param createdAt  when it was stored
 * @param promotedFrom the make this version was promoted from; empty for versions written as recipes
 * @param suggestedFrom the suggestion this version was promoted from; empty otherwise
 */
public record StoredVersion(
        long recipeId,
        long version,
        String document,
        Instant createdAt,
        Optional<Lineage> promotedFrom,
        Optional<Suggested> suggestedFrom) {

    /** A version written as a recipe or promoted from a make. */
    public StoredVersion(
            long recipeId, long version, String document, Instant createdAt, Optional<Lineage> promotedFrom) {
        this(recipeId, version, document, createdAt, promotedFrom, Optional.empty());
    }

    /** A version written as a recipe ({@code POST} / {@code PUT /recipes}). */
    public StoredVersion(long recipeId, long version, String document, Instant createdAt) {
        this(recipeId, version, document, createdAt, Optional.empty());
    }

    /**
     * Where a promoted version came from.
     *
     * @param makeId  the make that became this version
     * @param version the version that make had been compared against
     */
    public record Lineage(long makeId, long version) {}

    /**
     * Where a version promoted from a suggestion came from: the insights of {@code version} over the makes
     * {@code makes} (their ids as ranges {@code [[from, to], …]}, JSON).
     *
     * @param version   the version whose makes were read
     * @param makeCount how many makes that was
     * @param makes     the makes' ids as JSON ranges, e.g. {@code [[1,30]]}
     */
    public record Suggested(long version, long makeCount, String makes) {}
}
