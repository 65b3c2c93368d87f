package dev.recipediff.core.compare;

import java.util.List;

/**
 * The outcome of comparing a make with its recipe.
 *
 * @param exact       {@code true} when nothing differs
 * @param differences the differences in a stable order (name, rating, servings, scale, ingredients, steps)
 */
public record Comparison(boolean exact, List<Difference> differences) {

    public Comparison {
        differences = List.copyOf(differences);
    }

    /** The same comparison with every difference carrying {@code makeId}. */
    public Comparison withMakeId(long makeId) {
        return new Comparison(
                exact, differences.stream().map(d -> d.withMakeId(makeId)).toList());
    }
}
