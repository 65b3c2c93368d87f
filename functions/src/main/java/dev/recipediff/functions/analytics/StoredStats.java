package dev.recipediff.functions.analytics;

import dev.recipediff.core.analytics.RecipeStatsView;

/**
 * A recipe's stats view as stored, with the revision its next write must match.
 *
 * @param view     the view
 * @param revision 0 when nothing is stored yet
 */
public record StoredStats(RecipeStatsView view, long revision) {
}
