package dev.recipediff.core.analytics;

import java.time.OffsetDateTime;

/**
 * One make's value of a drifting quantity or step parameter, next to what its recipe version said.
 *
 * @param makeId      the make
 * @param madeAt      when it was made
 * @param recipeValue the recipe version's value, in the series' unit
 * @param makeValue   what the make used, in the series' unit
 */
public record SeriesPoint(long makeId, OffsetDateTime madeAt, double recipeValue, double makeValue) {}
