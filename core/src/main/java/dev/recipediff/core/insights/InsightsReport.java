package dev.recipediff.core.insights;

import dev.recipediff.core.compare.IngredientNames;
import dev.recipediff.core.compare.MachineNumbers;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a version's {@link InsightsState} and the version's document into {@link Insights}: effects (Welch
 * intervals from the stored moments), consensus (medians from the stored sketches) and the suggestion. Time and
 * memory are proportional to the state's bounded size, never to the number of makes. Pure and thread-safe.
 */
public final class InsightsReport {

    /** Rated makes needed on each side of a change before its effect is estimated. */
    public static final int MINIMUM_RATED_MAKES = 3;
    /** Makes needed before a change can be a consensus, whatever its share. */
    public static final int MINIMUM_CONSENSUS_MAKES = 3;

    private final RecipeWriter writer = new RecipeWriter();

    /** The insights of {@code state}; {@code version} is the document of the version the state is about. */
    public Insights report(InsightsState state, Recipe version) {
        List<Effect> effects = effects(state);
        List<Consensus> consensus = consensus(state, version);
        Suggestion suggestion = Suggestion.of(state, version, consensus);
        String status = !effects.isEmpty()
                ? Insights.OK
                : state.keys().isEmpty() ? Insights.NO_CHANGES : Insights.TOO_FEW_MAKES;
        return new Insights(
                state.recipeId(),
                state.version(),
                state.makes(),
                state.rated().count(),
                state.exactMakes(),
                status,
                MINIMUM_RATED_MAKES,
                effects,
                consensus,
                suggestion == null ? null : writer.toJson(suggestion.recipe()),
                suggestion == null ? List.of() : suggestion.applied(),
                state.droppedKeys());
    }

    /** The suggested next version, or {@code null} when no consensus change can be applied. */
    public Suggestion suggestion(InsightsState state, Recipe version) {
        return Suggestion.of(state, version, consensus(state, version));
    }

    static List<Effect> effects(InsightsState state) {
        List<Effect> effects = new ArrayList<>();
        for (KeyTally tally : state.keys().values()) {
            Moments with = tally.ratedWith();
            Moments without = state.rated().minus(tally.sinceRated()).minus(with);
            if (with.count() < MINIMUM_RATED_MAKES || without.count() < MINIMUM_RATED_MAKES) {
                continue;
            }
            WelchInterval interval = WelchInterval.of(with, without);
            effects.add(new Effect(
                    tally.key(),
                    with.count(),
                    without.count(),
                    round2(with.mean()),
                    round2(without.mean()),
                    round2(interval.delta()),
                    round2(interval.low()),
                    round2(interval.high()),
                    interval.excludesZero()));
        }
        effects.sort(Comparator.comparing((Effect e) -> !e.confident())
                .thenComparing(e -> -Math.abs(e.delta()))
                .thenComparing(e -> e.change().id()));
        return effects;
    }

    static List<Consensus> consensus(InsightsState state, Recipe version) {
        List<Consensus> consensus = new ArrayList<>();
        for (KeyTally tally : state.keys().values()) {
            long of = state.makes() - tally.sinceMakes();
            if (tally.makes() < MINIMUM_CONSENSUS_MAKES || of <= 0 || 2 * tally.makes() < of) {
                continue;
            }
            double share = Math.round((double) tally.makes() / of * 100) / 100.0;
            consensus.add(Typical.describe(tally, share, version));
        }
        consensus.sort(Comparator.comparing((Consensus c) -> -c.makes())
                .thenComparing(c -> c.change().id()));
        return consensus;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The recipe's ingredient a key names (by normalised name), or {@code null}. */
    static Ingredient ingredient(Recipe recipe, String normalisedName) {
        if (normalisedName == null) {
            return null;
        }
        return recipe.ingredients().stream()
                .filter(i -> IngredientNames.normalize(i.ingredientName()).equals(normalisedName))
                .findFirst()
                .orElse(null);
    }

    /** The recipe's step at a 1-based position, or {@code null}. */
    static Step step(Recipe recipe, Integer position) {
        return position == null || position < 1 || position > recipe.steps().size()
                ? null
                : recipe.steps().get(position - 1);
    }

    /** "0.5 TBS" for an ingredient's amount as written; "" when it has none. */
    static String amount(Ingredient ingredient, Double quantity) {
        String measurement = ingredient.measurement() == null
                ? ""
                : " " + ingredient.measurement().strip();
        return quantity == null ? measurement.strip() : MachineNumbers.text(quantity) + measurement;
    }

    static String line(Ingredient ingredient) {
        if (ingredient.text() != null) {
            return ingredient.text();
        }
        String amount = amount(ingredient, ingredient.quantity());
        return amount.isEmpty() ? ingredient.ingredientName() : amount + " " + ingredient.ingredientName();
    }
}
