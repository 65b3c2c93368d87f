package dev.recipediff.functions.analytics;

import dev.recipediff.core.analytics.ChangeCount;
import dev.recipediff.core.analytics.DriftSeries;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.analytics.SeriesPoint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Keeps a stored stats view bounded whatever the number of makes, so that reading it ({@code GET
 * /recipes/{id}/stats}) costs the same after ten makes or a hundred thousand: at most {@link #MAX_POINTS} points
 * per drift series (the latest by make time, as {@link DriftSeries} keeps them), at most {@link #MAX_SERIES}
 * quantity and {@link #MAX_SERIES} parameter series (the most observed), and at most {@link #MAX_LISTED}
 * entries per change list (the most counted); the counts of the entries dropped from a change list are kept in
 * {@link OtherChanges}. Counts, ratings, {@code makes} and each kept series' {@code observed} stay exact.
 *
 * <p>Bounding is applied after every fold, so beyond these caps the order makes are folded in matters: an
 * ingredient first changed after a list is full starts from one and may be dropped again (its count then goes
 * to {@link OtherChanges}).
 */
final class ViewBounds {

    /** Points kept per drift series (the latest). */
    static final int MAX_POINTS = 20;
    /** Quantity series kept, and parameter series kept (the most observed). */
    static final int MAX_SERIES = 12;
    /** Entries kept per change list: ingredients, steps, substitution pairs, scale factors (the most counted). */
    static final int MAX_LISTED = 50;

    /** A view within the bounds, with every count it dropped so far. */
    record Bounded(RecipeStatsView view, OtherChanges other) {}

    private ViewBounds() {}

    /** {@code view} within the bounds; the counts it drops are added to {@code other}. */
    static Bounded bound(RecipeStatsView view, OtherChanges other) {
        Map<String, ChangeCount> ingredients = new TreeMap<>(view.ingredientChanges());
        Map<String, ChangeCount> steps = new TreeMap<>(view.stepChanges());
        Map<String, ChangeCount> substitutions = new TreeMap<>(view.substitutions());
        Map<String, Long> factors = new TreeMap<>(view.scaleFactors());
        OtherChanges dropped = new OtherChanges(
                keepMost(ingredients, ChangeCount::count), keepMost(steps, ChangeCount::count),
                keepMost(substitutions, ChangeCount::count), keepMost(factors, Long::longValue));
        RecipeStatsView bounded = new RecipeStatsView(
                view.recipeId(),
                view.recipeName(),
                view.appliedMakes(),
                view.makes(),
                view.exactMakes(),
                view.lastMadeAt(),
                view.exactRatings(),
                view.modifiedRatings(),
                ingredients,
                steps,
                substitutions,
                series(view.quantityDrift()),
                series(view.parameterDrift()),
                factors);
        return new Bounded(bounded, other.plus(dropped));
    }

    /** Drops the least counted entries (ties: the greatest key) beyond {@link #MAX_LISTED}; their counts' sum. */
    private static <V> long keepMost(Map<String, V> counts, ToLongFunction<V> count) {
        if (counts.size() <= MAX_LISTED) {
            return 0;
        }
        List<String> weakestFirst = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, V>>comparingLong(entry -> count.applyAsLong(entry.getValue()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .limit(counts.size() - MAX_LISTED)
                .toList();
        long dropped = 0;
        for (String key : weakestFirst) {
            dropped += count.applyAsLong(counts.remove(key));
        }
        return dropped;
    }

    private static Map<String, DriftSeries> series(Map<String, DriftSeries> all) {
        Map<String, DriftSeries> kept = new TreeMap<>();
        all.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, DriftSeries>>comparingLong(
                                entry -> entry.getValue().observed())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_SERIES)
                .forEach(entry -> kept.put(entry.getKey(), latestPoints(entry.getValue())));
        return kept;
    }

    private static DriftSeries latestPoints(DriftSeries series) {
        List<SeriesPoint> points = series.points();
        return points.size() <= MAX_POINTS
                ? series
                : new DriftSeries(
                        series.label(),
                        series.unit(),
                        series.observed(),
                        points.subList(points.size() - MAX_POINTS, points.size()));
    }
}
