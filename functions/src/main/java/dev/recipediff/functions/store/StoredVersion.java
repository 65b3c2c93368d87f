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
 */
public record StoredVersion(long recipeId, long version, String document, Instant createdAt,
                            Optional<Lineage> promotedFrom) {

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
    public record Lineage(long makeId, long version) {
    }
}
