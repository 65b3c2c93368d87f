package dev.recipediff.core.insights;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How the ratings of the makes that made a change compare with those that did not.
 *
 * @param change        the change
 * @param makes         rated makes that made it
 * @param makesWithout  rated makes that did not
 * @param ratingWith    their mean rating
 * @param ratingWithout the others' mean rating
 * @param delta         {@code ratingWith − ratingWithout}
 * @param low           the 95 % Welch interval's lower end
 * @param high          its upper end
 * @param confident     whether the interval leaves 0 out
 */
@JsonPropertyOrder({
    "change",
    "makes",
    "makesWithout",
    "ratingWith",
    "ratingWithout",
    "delta",
    "low",
    "high",
    "confident"
})
public record Effect(
        ChangeKey change,
        long makes,
        long makesWithout,
        double ratingWith,
        double ratingWithout,
        double delta,
        double low,
        double high,
        boolean confident) {}
