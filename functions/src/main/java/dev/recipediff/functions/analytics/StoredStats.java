package dev.recipediff.functions.analytics;

import dev.recipediff.core.analytics.RecipeStatsView;

/**
 * A recipe's stats view as stored, with the revision its next write must match.
 *
 * @param view     the view (within {@link ViewBounds})
 * @param revision 0 when nothing is stored yet
 * @param other    the counts dropped from the view's change lists so far
 */
public record StoredStats(RecipeStatsView view, long revision, OtherChanges other) {

    public StoredStats {
        other = other == null ? OtherChanges.none() : other;
    }

    /** A view nothing was dropped from. */
    public StoredStats(RecipeStatsView view, long revision) {
        this(view, revision, OtherChanges.none());
    }
}
