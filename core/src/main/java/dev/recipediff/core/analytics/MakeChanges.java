package dev.recipediff.core.analytics;

import java.util.List;

/**
 * What one make changed, in the terms analytics counts: read from the make's differences by
 * {@link DifferenceReader}, the one place that knows the difference schema.
 *
 * @param modified      whether the make changed the recipe (any difference but the cook's own rating)
 * @param ingredients   each ingredient the make changed, once
 * @param steps         each step the make changed, once
 * @param substitutions each substitution (from → to)
 * @param quantities    each ingredient quantity that moved, with both values in one normalised unit
 * @param parameters    each step parameter (oven temperature, duration) that moved
 * @param scaleFactor   the factor the whole recipe was scaled by; {@code null} when not scaled
 */
record MakeChanges(
        boolean modified,
        List<Changed> ingredients,
        List<Changed> steps,
        List<Substitution> substitutions,
        List<Observation> quantities,
        List<Observation> parameters,
        Double scaleFactor) {

    /** A thing that changed: {@code key} identifies it across makes, {@code label} shows it. */
    record Changed(String key, String label) {}

    record Substitution(String from, String to) {
        String key() {
            return from + " → " + to;
        }
    }

    /** A numeric value that moved from {@code recipeValue} to {@code makeValue}, both in {@code unit}. */
    record Observation(String key, String label, String unit, double recipeValue, double makeValue) {}
}
