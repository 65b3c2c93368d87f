package dev.recipediff.core.analytics;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The precomputed statistics of one recipe: a fold over its recorded makes that the make-write path refreshes
 * and the stats routes read in one lookup.
 *
 * <p>Folding is idempotent and order-independent: a make whose id is already in {@link #appliedMakes()} changes
 * nothing (duplicates and retries cannot skew it), and folding the same makes in any order gives the same view,
 * so concurrent writers and a full {@link #rebuild rebuild} agree. The view holds counts, sums and bounded series
 * ({@link DriftSeries#LIMIT} points each, at most {@link #MAX_QUANTITY_SERIES} quantity and
 * {@link #MAX_PARAMETER_SERIES} parameter series: the most observed) — never the makes themselves — so reading it
 * costs the same after ten makes or ten thousand. Only beyond those series caps does the order of folding matter
 * (which series a newly drifting ingredient displaces).
 *
 * @param recipeId          the recipe
 * @param recipeName        the recipe's current name (set by the writer; {@code null} when unknown)
 * @param appliedMakes      the ids of the makes folded in
 * @param makes             how many makes
 * @param exactMakes        how many were made as written (no difference but the cook's own rating)
 * @param lastMadeAt        the latest make time; {@code null} before the first make
 * @param exactRatings      ratings of the makes made as written
 * @param modifiedRatings   ratings of the modified makes
 * @param ingredientChanges per ingredient key: how many makes changed it
 * @param stepChanges       per step key: how many makes changed it
 * @param substitutions     per "from → to": how many makes substituted so
 * @param quantityDrift     per ingredient key and unit: the quantities used
 * @param parameterDrift    per step parameter key and unit: the values used
 * @param scaleFactors      per factor (as text, e.g. "2"): how many makes scaled the recipe by it
 */
public record RecipeStatsView(
        long recipeId,
        String recipeName,
        MakeIdSet appliedMakes,
        long makes,
        long exactMakes,
        OffsetDateTime lastMadeAt,
        RatingTally exactRatings,
        RatingTally modifiedRatings,
        Map<String, ChangeCount> ingredientChanges,
        Map<String, ChangeCount> stepChanges,
        Map<String, ChangeCount> substitutions,
        Map<String, DriftSeries> quantityDrift,
        Map<String, DriftSeries> parameterDrift,
        Map<String, Long> scaleFactors) {

    public RecipeStatsView {
        appliedMakes = appliedMakes == null ? MakeIdSet.empty() : appliedMakes;
        exactRatings = exactRatings == null ? RatingTally.none() : exactRatings;
        modifiedRatings = modifiedRatings == null ? RatingTally.none() : modifiedRatings;
        ingredientChanges = sorted(ingredientChanges);
        stepChanges = sorted(stepChanges);
        substitutions = sorted(substitutions);
        quantityDrift = sorted(quantityDrift);
        parameterDrift = sorted(parameterDrift);
        scaleFactors = sorted(scaleFactors);
    }

    /** Quantity series kept at most (the most observed), so the stored item stays far below 400 KB. */
    public static final int MAX_QUANTITY_SERIES = 40;
    /** Step parameter series kept at most. */
    public static final int MAX_PARAMETER_SERIES = 20;

    /** The view of a recipe nobody has made yet. */
    public static RecipeStatsView empty(long recipeId, String recipeName) {
        return new RecipeStatsView(
                recipeId, recipeName, null, 0, 0, null, null, null, null, null, null, null, null, null);
    }

    /** The view rebuilt from scratch from every recorded make (duplicates included: they count once). */
    public static RecipeStatsView rebuild(long recipeId, String recipeName, Collection<RecordedMake> recorded) {
        RecipeStatsView view = empty(recipeId, recipeName);
        for (RecordedMake make : recorded) {
            view = view.apply(make);
        }
        return view;
    }

    public boolean hasApplied(long makeId) {
        return appliedMakes.contains(makeId);
    }

    public RecipeStatsView withRecipeName(String name) {
        return new RecipeStatsView(
                recipeId,
                name,
                appliedMakes,
                makes,
                exactMakes,
                lastMadeAt,
                exactRatings,
                modifiedRatings,
                ingredientChanges,
                stepChanges,
                substitutions,
                quantityDrift,
                parameterDrift,
                scaleFactors);
    }

    /** This view with {@code make} folded in; this very view when the make was folded in before. */
    public RecipeStatsView apply(RecordedMake make) {
        if (hasApplied(make.makeId())) {
            return this;
        }
        MakeChanges changes = DifferenceReader.read(make.differences());
        long id = make.makeId();
        boolean asWritten = !changes.modified();

        Map<String, ChangeCount> ingredients = new TreeMap<>(ingredientChanges);
        changes.ingredients().forEach(c -> count(ingredients, c.key(), c.label(), id));
        Map<String, ChangeCount> steps = new TreeMap<>(stepChanges);
        changes.steps().forEach(c -> count(steps, c.key(), c.label(), id));
        Map<String, ChangeCount> substituted = new TreeMap<>(substitutions);
        changes.substitutions().forEach(s -> count(substituted, s.key(), s.key(), id));

        Map<String, DriftSeries> quantities = new TreeMap<>(quantityDrift);
        changes.quantities().forEach(o -> observe(quantities, o, make));
        keepMostObserved(quantities, MAX_QUANTITY_SERIES);
        Map<String, DriftSeries> parameters = new TreeMap<>(parameterDrift);
        changes.parameters().forEach(o -> observe(parameters, o, make));
        keepMostObserved(parameters, MAX_PARAMETER_SERIES);

        Map<String, Long> factors = new TreeMap<>(scaleFactors);
        if (changes.scaleFactor() != null) {
            factors.merge(factorText(changes.scaleFactor()), 1L, Long::sum);
        }

        OffsetDateTime last = lastMadeAt == null || make.madeAt().isAfter(lastMadeAt) ? make.madeAt() : lastMadeAt;
        return new RecipeStatsView(
                recipeId,
                recipeName,
                appliedMakes.with(id),
                makes + 1,
                exactMakes + (asWritten ? 1 : 0),
                last,
                asWritten ? exactRatings.plus(make.rating()) : exactRatings,
                asWritten ? modifiedRatings : modifiedRatings.plus(make.rating()),
                ingredients,
                steps,
                substituted,
                quantities,
                parameters,
                factors);
    }

    /** The statistics as the API returns them. */
    public RecipeStats stats() {
        return RecipeStats.of(this);
    }

    /** The one-line summary {@code GET /stats} lists. */
    public RecipeSummary summary() {
        return RecipeSummary.of(this);
    }

    /** A scale factor as a short, stable text: 2 → "2", 0.5 → "0.5", 1/3 → "0.333". */
    static String factorText(double factor) {
        double rounded = Math.round(factor * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static void count(Map<String, ChangeCount> counts, String key, String label, long makeId) {
        counts.merge(key, ChangeCount.first(label, makeId), (old, fresh) -> old.plus(label, makeId));
    }

    private static void observe(
            Map<String, DriftSeries> series, MakeChanges.Observation observation, RecordedMake make) {
        SeriesPoint point =
                new SeriesPoint(make.makeId(), make.madeAt(), observation.recipeValue(), observation.makeValue());
        String key = observation.key() + "|" + observation.unit();
        BiFunction<DriftSeries, DriftSeries, DriftSeries> extend = (old, fresh) -> old.plus(observation.label(), point);
        series.merge(key, DriftSeries.of(observation.label(), observation.unit(), point), extend);
    }

    /** Drops the least observed series (ties: the greatest key) until at most {@code limit} remain. */
    private static void keepMostObserved(Map<String, DriftSeries> series, int limit) {
        while (series.size() > limit) {
            String weakest = series.entrySet().stream()
                    .min(Map.Entry.<String, DriftSeries>comparingByValue(
                                    java.util.Comparator.comparingLong(DriftSeries::observed))
                            .thenComparing(Map.Entry.<String, DriftSeries>comparingByKey()
                                    .reversed()))
                    .orElseThrow()
                    .getKey();
            series.remove(weakest);
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
