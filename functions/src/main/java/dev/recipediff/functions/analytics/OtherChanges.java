package dev.recipediff.functions.analytics;

/**
 * Changes counted in a stats view but no longer listed in it: the counts of the entries {@link ViewBounds} dropped
 * from a view's change lists (the least counted), so that what is listed plus what is here is every change
 * folded in. Returned as {@code otherChanges} by {@code GET /recipes/{id}/stats}.
 *
 * @param ingredients   ingredient changes of ingredients no longer listed
 * @param steps         step changes of steps no longer listed
 * @param substitutions substitutions of pairs no longer listed
 * @param scaleFactors  scalings by factors no longer listed
 */
public record OtherChanges(long ingredients, long steps, long substitutions, long scaleFactors) {

    public static OtherChanges none() {
        return new OtherChanges(0, 0, 0, 0);
    }

    OtherChanges plus(OtherChanges more) {
        return new OtherChanges(
                ingredients + more.ingredients,
                steps + more.steps,
                substitutions + more.substitutions,
                scaleFactors + more.scaleFactors);
    }
}
