package dev.recipediff.core.analytics;

import dev.recipediff.core.compare.Difference;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A make as the API recorded it: what analytics folds into a recipe's {@link RecipeStatsView}.
 *
 * @param makeId      1-based per recipe, never reused: the identity that makes folding idempotent
 * @param version     the recipe version the make was compared against
 * @param madeAt      when it was made — the document's {@code madeAt}, or when it was recorded if the document
 *                    does not say; series are ordered by it
 * @param rating      the make's own rating; {@code null} when unrated
 * @param exact       whether the comparison found no difference at all
 * @param differences the comparison's differences (empty when exact)
 */
public record RecordedMake(
        long makeId, int version, OffsetDateTime madeAt, Double rating, boolean exact, List<Difference> differences) {

    public RecordedMake {
        Objects.requireNonNull(madeAt, "madeAt");
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
