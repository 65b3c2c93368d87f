package dev.recipediff.core.insights;

/**
 * What the state keeps of one change key: how many makes made it, their ratings' moments, the values and texts
 * they used, and — for a key tracked only from some make on — the totals at that point ({@code sinceMakes},
 * {@code sinceRated}), so that "without it" counts only the makes since.
 *
 * @param key         the change
 * @param makes       makes that made it
 * @param ratedWith   ratings of the rated makes that made it
 * @param sinceMakes  the recipe version's makes before this key was tracked (0 unless keys were dropped)
 * @param sinceRated  the rated makes' moments before this key was tracked
 * @param values      its numbers (numeric keys)
 * @param texts       its texts (substitutes, added lines, reworded steps)
 * @param recipeValue the recipe side's number (step parameters, servings), when it has one
 * @param unit        the unit of {@code values} and {@code recipeValue}, when it has one
 */
public record KeyTally(
        ChangeKey key,
        long makes,
        Moments ratedWith,
        long sinceMakes,
        Moments sinceRated,
        ValueSketch values,
        TextCounts texts,
        Double recipeValue,
        String unit) {

    public KeyTally {
        ratedWith = ratedWith == null ? Moments.none() : ratedWith;
        sinceRated = sinceRated == null ? Moments.none() : sinceRated;
        values = values == null ? ValueSketch.empty() : values;
        texts = texts == null ? TextCounts.empty() : texts;
    }

    static KeyTally start(ChangeKey key, long sinceMakes, Moments sinceRated) {
        return new KeyTally(
                key, 0, Moments.none(), sinceMakes, sinceRated, ValueSketch.empty(), TextCounts.empty(), null, null);
    }

    KeyTally plus(ChangeKeys.Observed observed, Double rating) {
        return new KeyTally(
                key,
                makes + 1,
                rating == null ? ratedWith : ratedWith.plus(rating),
                sinceMakes,
                sinceRated,
                observed.value() == null ? values : values.plus(observed.value()),
                texts.plus(observed.text()),
                recipeValue != null ? recipeValue : observed.recipeValue(),
                unit != null ? unit : observed.unit());
    }
}
