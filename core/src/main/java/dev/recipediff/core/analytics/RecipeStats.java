package dev.recipediff.core.analytics;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one recipe as {@code GET /recipes/{recipeId}/stats} returns them: derived from a
 * {@link RecipeStatsView} in time proportional to the view's (bounded) size, never to the number of makes.
 *
 * @param recipeId                the recipe
 * @param recipeName              its name ({@code null} when unknown)
 * @param makes                   how many makes
 * @param exactMakes              how many were made as written
 * @param shareExact              {@code exactMakes / makes}, rounded to 3 decimals; {@code null} without makes
 * @param lastMadeAt              the latest make time
 * @param averageRating           average rating of made-as-written makes, of modified makes, and of all
 * @param mostChangedIngredients  ingredients by how many makes changed them, most first
 * @param mostChangedSteps        steps by how many makes changed them, most first
 * @param substitutions           substitution pairs by count, most first
 * @param quantityDrift           each ingredient's quantities across makes (normalised unit, by make time)
 * @param parameterDrift          each step parameter's values across makes (temperatures, durations)
 * @param scaleFactors            the factors makes scaled the recipe by, most used first
 * @param seriesLimit             how many points a drift series keeps at most (the latest)
 */
public record RecipeStats(
        long recipeId,
        String recipeName,
        long makes,
        long exactMakes,
        Double shareExact,
        OffsetDateTime lastMadeAt,
        AverageRating averageRating,
        List<Counted> mostChangedIngredients,
        List<Counted> mostChangedSteps,
        List<SubstitutionCount> substitutions,
        List<Drift> quantityDrift,
        List<Drift> parameterDrift,
        List<ScaleFactorCount> scaleFactors,
        int seriesLimit) {

    /** Average ratings; each {@code null} when no make of that kind was rated. */
    public record AverageRating(Double exact, Double modified, Double all) {}

    /** A thing and how many makes changed it. */
    public record Counted(String key, String label, long count) {}

    public record SubstitutionCount(String from, String to, long count) {}

    public record ScaleFactorCount(double factor, long count) {}

    /** A series: {@code key} identifies the ingredient or step parameter, values are in {@code unit}. */
    public record Drift(String key, String label, String unit, long observed, List<SeriesPoint> points) {}

    static RecipeStats of(RecipeStatsView view) {
        Double share = share(view);
        AverageRating ratings = new AverageRating(
                view.exactRatings().average(),
                view.modifiedRatings().average(),
                view.exactRatings().plus(view.modifiedRatings()).average());
        List<SubstitutionCount> substitutions = view.substitutions().entrySet().stream()
                .map(e -> substitution(e.getKey(), e.getValue().count()))
                .sorted(Comparator.comparingLong(SubstitutionCount::count)
                        .reversed()
                        .thenComparing(SubstitutionCount::from)
                        .thenComparing(SubstitutionCount::to))
                .toList();
        List<ScaleFactorCount> factors = view.scaleFactors().entrySet().stream()
                .map(e -> new ScaleFactorCount(Double.parseDouble(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(ScaleFactorCount::count)
                        .reversed()
                        .thenComparingDouble(ScaleFactorCount::factor))
                .toList();
        return new RecipeStats(
                view.recipeId(),
                view.recipeName(),
                view.makes(),
                view.exactMakes(),
                share,
                view.lastMadeAt(),
                ratings,
                counted(view.ingredientChanges()),
                counted(view.stepChanges()),
                substitutions,
                drift(view.quantityDrift()),
                drift(view.parameterDrift()),
                factors,
                DriftSeries.LIMIT);
    }

    /** {@code exactMakes / makes} to 3 decimals; {@code null} without makes. */
    static Double share(RecipeStatsView view) {
        return view.makes() == 0 ? null : Math.round(1000.0 * view.exactMakes() / view.makes()) / 1000.0;
    }

    private static List<Counted> counted(Map<String, ChangeCount> counts) {
        return counts.entrySet().stream()
                .map(e -> new Counted(
                        e.getKey(), e.getValue().label(), e.getValue().count()))
                .sorted(Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::label))
                .toList();
    }

    private static List<Drift> drift(Map<String, DriftSeries> series) {
        return series.entrySet().stream()
                .map(e -> new Drift(
                        e.getKey(),
                        e.getValue().label(),
                        e.getValue().unit(),
                        e.getValue().observed(),
                        e.getValue().points()))
                .sorted(Comparator.comparingLong(Drift::observed).reversed().thenComparing(Drift::label))
                .toList();
    }

    private static SubstitutionCount substitution(String key, long count) {
        int arrow = key.indexOf(" → ");
        return new SubstitutionCount(key.substring(0, arrow), key.substring(arrow + 3), count);
    }
}
