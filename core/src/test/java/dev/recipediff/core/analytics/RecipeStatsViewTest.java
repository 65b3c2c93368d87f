package dev.recipediff.core.analytics;

import static dev.recipediff.core.analytics.Differences.added;
import static dev.recipediff.core.analytics.Differences.duration;
import static dev.recipediff.core.analytics.Differences.quantity;
import static dev.recipediff.core.analytics.Differences.rating;
import static dev.recipediff.core.analytics.Differences.scaled;
import static dev.recipediff.core.analytics.Differences.stepRemoved;
import static dev.recipediff.core.analytics.Differences.substituted;
import static dev.recipediff.core.analytics.Differences.temperature;
import static dev.recipediff.core.analytics.RecordedMakes.make;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeStatsViewTest {

    // The apple pie story: made as written, then with more cinnamon in a hotter oven for longer, then as
    // written again (in other units, which the comparator does not count as a change).
    private final RecordedMake applePieAsWritten =
            make(1).madeAt("2026-11-10T12:00:00Z").rated(4.5).build();
    private final RecordedMake applePieHotter = make(2).madeAt("2026-11-20T18:30:00Z")
            .rated(5.0)
            .with(
                    rating(4.5, 5.0),
                    quantity("cinnamon", 7.39338, 14.7868, "0.5 TBS", "1 TBS"),
                    temperature(2, 350, 375),
                    duration(4, 45, 50))
            .build();
    private final RecordedMake applePieInTeaspoons =
            make(3).madeAt("2026-11-25T19:00:00Z").rated(4.5).build();

    // The pancakes story: doubled for guests, then made without buttermilk.
    private final RecordedMake pancakesDoubled =
            make(1).madeAt("2026-11-12T08:00:00Z").rated(4.0).with(scaled(2)).build();
    private final RecordedMake pancakesNoButtermilk = make(2).madeAt("2026-11-19T08:30:00Z")
            .rated(3.5)
            .with(
                    rating(4.0, 3.5),
                    substituted("buttermilk", "2 cup milk"),
                    added("lemon juice"),
                    stepRemoved(3, "Rest the batter for 10 minutes"))
            .build();

    private static RecipeStatsView fold(RecordedMake... makes) {
        return RecipeStatsView.rebuild(Differences.APPLE_PIE, "Apple Pie", List.of(makes));
    }

    @Test
    void countsMakesAndTheShareMadeAsWritten() {
        RecipeStats stats =
                fold(applePieAsWritten, applePieHotter, applePieInTeaspoons).stats();

        assertThat(stats.makes()).isEqualTo(3);
        assertThat(stats.exactMakes()).isEqualTo(2);
        assertThat(stats.shareExact()).isEqualTo(0.667);
        assertThat(stats.lastMadeAt()).isEqualTo(OffsetDateTime.parse("2026-11-25T19:00:00Z"));
    }

    @Test
    void aDuplicateMakeDoesNotCountTwice() {
        RecipeStatsView once = fold(applePieAsWritten, applePieHotter, applePieInTeaspoons);

        RecipeStatsView withDuplicate = once.apply(applePieHotter);

        assertThat(withDuplicate).isEqualTo(once);
        assertThat(withDuplicate.stats().makes()).isEqualTo(3);
        assertThat(withDuplicate.stats().mostChangedIngredients())
                .containsExactly(new RecipeStats.Counted("cinnamon", "cinnamon", 1));
    }

    @Test
    void aRetriedMakeInARebuildCountsOnce() {
        RecipeStats stats = fold(applePieAsWritten, applePieHotter, applePieHotter, applePieInTeaspoons)
                .stats();

        assertThat(stats.makes()).isEqualTo(3);
        assertThat(stats.averageRating()).isEqualTo(new RecipeStats.AverageRating(4.5, 5.0, 4.67));
    }

    @Test
    void foldingInAnyOrderGivesTheSameView() {
        List<RecordedMake> makes = new ArrayList<>(List.of(applePieAsWritten, applePieHotter, applePieInTeaspoons));
        RecipeStatsView inOrder = RecipeStatsView.rebuild(2, "Apple Pie", makes);
        Collections.reverse(makes);

        RecipeStatsView reversed = RecipeStatsView.rebuild(2, "Apple Pie", makes);

        assertThat(reversed).isEqualTo(inOrder);
    }

    @Test
    void averagesRatingsOfMakesAsWrittenAndModifiedApart() {
        RecipeStats stats =
                fold(applePieAsWritten, applePieHotter, applePieInTeaspoons).stats();

        assertThat(stats.averageRating().exact()).isEqualTo(4.5);
        assertThat(stats.averageRating().modified()).isEqualTo(5.0);
        assertThat(stats.averageRating().all()).isEqualTo(4.67);
    }

    @Test
    void aMakeThatDiffersOnlyInItsRatingWasMadeAsWritten() {
        RecordedMake ratedHigher = make(1).rated(5.0).with(rating(4.5, 5.0)).build();

        RecipeStats stats = fold(ratedHigher).stats();

        assertThat(stats.exactMakes()).isEqualTo(1);
        assertThat(stats.averageRating()).isEqualTo(new RecipeStats.AverageRating(5.0, null, 5.0));
        assertThat(stats.mostChangedIngredients()).isEmpty();
    }

    @Test
    void tracesTheCinnamonQuantityInMillilitresByMakeTime() {
        RecipeStats stats =
                fold(applePieAsWritten, applePieHotter, applePieInTeaspoons).stats();

        assertThat(stats.quantityDrift())
                .containsExactly(new RecipeStats.Drift(
                        "cinnamon|ml",
                        "cinnamon",
                        "ml",
                        1,
                        List.of(new SeriesPoint(2, OffsetDateTime.parse("2026-11-20T18:30:00Z"), 7.39338, 14.7868))));
    }

    @Test
    void tracesOvenTemperatureAndBakingTimePerStep() {
        RecipeStats stats =
                fold(applePieAsWritten, applePieHotter, applePieInTeaspoons).stats();

        OffsetDateTime hotter = OffsetDateTime.parse("2026-11-20T18:30:00Z");
        assertThat(stats.parameterDrift())
                .containsExactly(
                        new RecipeStats.Drift(
                                "step 2 temperature|degrees",
                                "Step 2 temperature",
                                "degrees",
                                1,
                                List.of(new SeriesPoint(2, hotter, 350, 375))),
                        new RecipeStats.Drift(
                                "step 4 duration|min",
                                "Step 4 duration",
                                "min",
                                1,
                                List.of(new SeriesPoint(2, hotter, 45, 50))));
        assertThat(stats.mostChangedSteps())
                .containsExactly(
                        new RecipeStats.Counted("step 2", "Step 2", 1), new RecipeStats.Counted("step 4", "Step 4", 1));
    }

    @Test
    void countsScaleFactorsSubstitutionsAndAddedIngredients() {
        RecipeStats stats = RecipeStatsView.rebuild(
                        Differences.PANCAKES, "Buttermilk Pancakes", List.of(pancakesDoubled, pancakesNoButtermilk))
                .stats();

        assertThat(stats.scaleFactors()).containsExactly(new RecipeStats.ScaleFactorCount(2.0, 1));
        assertThat(stats.substitutions())
                .containsExactly(new RecipeStats.SubstitutionCount("buttermilk", "2 cup milk", 1));
        assertThat(stats.mostChangedIngredients())
                .containsExactly(
                        new RecipeStats.Counted("buttermilk", "buttermilk", 1),
                        new RecipeStats.Counted("lemon juice", "lemon juice", 1));
        assertThat(stats.mostChangedSteps()).containsExactly(new RecipeStats.Counted("step 3", "Step 3", 1));
        assertThat(stats.exactMakes()).isZero();
        assertThat(stats.averageRating()).isEqualTo(new RecipeStats.AverageRating(null, 3.75, 3.75));
    }

    @Test
    void mostChangedIngredientsComeMostChangedFirst() {
        RecordedMake cinnamonAgain = make(4).madeAt("2026-11-28T18:00:00Z")
                .with(quantity("cinnamon", 7.39338, 11.0901, "0.5 TBS", "0.75 TBS"))
                .build();
        RecordedMake moreSugar = make(5).madeAt("2026-11-29T18:00:00Z")
                .with(quantity("sugar", 177.441, 236.588, "0.75 cup", "1 cup"))
                .build();

        RecipeStats stats = fold(applePieHotter, cinnamonAgain, moreSugar).stats();

        assertThat(stats.mostChangedIngredients())
                .extracting(RecipeStats.Counted::label, RecipeStats.Counted::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cinnamon", 2L),
                        org.assertj.core.groups.Tuple.tuple("sugar", 1L));
        assertThat(stats.quantityDrift().getFirst().points())
                .extracting(SeriesPoint::makeValue)
                .containsExactly(14.7868, 11.0901);
    }

    @Test
    void aDriftSeriesKeepsOnlyTheLatestPoints() {
        List<RecordedMake> makes = new ArrayList<>();
        for (int i = 1; i <= DriftSeries.LIMIT + 10; i++) {
            makes.add(make(i).madeAt(OffsetDateTime.parse("2026-01-01T12:00:00Z")
                            .plusDays(i)
                            .toString())
                    .with(quantity("cinnamon", 7.39338, i, "0.5 TBS", i + " ml"))
                    .build());
        }
        Collections.shuffle(makes, new java.util.Random(7));

        RecipeStats stats = RecipeStatsView.rebuild(2, "Apple Pie", makes).stats();

        RecipeStats.Drift cinnamon = stats.quantityDrift().getFirst();
        assertThat(cinnamon.observed()).isEqualTo(DriftSeries.LIMIT + 10);
        assertThat(cinnamon.points()).hasSize(DriftSeries.LIMIT);
        assertThat(cinnamon.points().getFirst().makeId()).isEqualTo(11);
        assertThat(cinnamon.points().getLast().makeId()).isEqualTo(DriftSeries.LIMIT + 10);
    }

    @Test
    void theStoredViewDoesNotGrowWithTheNumberOfMakes() {
        List<RecordedMake> makes = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            makes.add(make(i).madeAt(OffsetDateTime.parse("2026-01-01T12:00:00Z")
                            .plusHours(i)
                            .toString())
                    .with(quantity("cinnamon", 7.39338, 10 + i % 5, "0.5 TBS", "more"))
                    .build());
        }

        RecipeStatsView view = RecipeStatsView.rebuild(2, "Apple Pie", makes);

        assertThat(view.appliedMakes().ranges()).containsExactly(new MakeIdSet.Range(1, 1000));
        assertThat(view.quantityDrift().get("cinnamon|ml").points()).hasSize(DriftSeries.LIMIT);
        assertThat(view.makes()).isEqualTo(1000);
    }

    @Test
    void onlyTheMostObservedQuantitySeriesAreKept() {
        List<RecordedMake> makes = new ArrayList<>();
        makes.add(make(1).with(quantity("cinnamon", 7.39338, 14.7868, "0.5 TBS", "1 TBS"))
                .build());
        makes.add(make(2).with(quantity("cinnamon", 7.39338, 11.0901, "0.5 TBS", "0.75 TBS"))
                .build());
        for (int i = 0; i < RecipeStatsView.MAX_QUANTITY_SERIES + 5; i++) {
            makes.add(make(3 + i)
                    .with(quantity(String.format("spice %02d", i), 1, 2, "1 ml", "2 ml"))
                    .build());
        }

        RecipeStatsView view = RecipeStatsView.rebuild(2, "Apple Pie", makes);

        assertThat(view.quantityDrift())
                .hasSize(RecipeStatsView.MAX_QUANTITY_SERIES)
                .containsKey("cinnamon|ml");
        assertThat(view.ingredientChanges()).hasSize(RecipeStatsView.MAX_QUANTITY_SERIES + 6);
    }

    @Test
    void summarisesARecipeForTheKitchenOverview() {
        RecipeSummary summary =
                fold(applePieAsWritten, applePieHotter, applePieInTeaspoons).summary();

        assertThat(summary)
                .isEqualTo(new RecipeSummary(
                        2, "Apple Pie", 3, 0.667, OffsetDateTime.parse("2026-11-25T19:00:00Z"), 4.67));
    }

    @Test
    void aRecipeNobodyMadeHasEmptyStatistics() {
        RecipeStats stats = RecipeStatsView.empty(2, "Apple Pie").stats();

        assertThat(stats.makes()).isZero();
        assertThat(stats.shareExact()).isNull();
        assertThat(stats.lastMadeAt()).isNull();
        assertThat(stats.averageRating()).isEqualTo(new RecipeStats.AverageRating(null, null, null));
    }
}
