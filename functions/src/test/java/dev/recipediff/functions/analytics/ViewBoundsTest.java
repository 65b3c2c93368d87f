package dev.recipediff.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.ChangeCount;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.analytics.RecordedMake;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored stats view stays the same size however many makes are folded in, and its totals stay right. */
class ViewBoundsTest {

    private static final Recipe APPLE_PIE = new RecipeReader()
            .readRecipe(SampleFiles.text("recipes/apple-pie.json").getBytes(StandardCharsets.UTF_8));
    private static final OffsetDateTime FIRST_MADE = OffsetDateTime.parse("2026-01-01T18:00:00Z");
    private static final int DISTINCT_EXTRAS = 300;

    private final MakeComparator comparator = new MakeComparator();
    private final ObjectMapper mapper = RecipeJson.mapper();

    /**
     * Make {@code makeId} of the apple pie: ingredient quantities changed (each by its own factor), a rating, and one added
     * ingredient out of {@value #DISTINCT_EXTRAS} (so the ingredient list outgrows its bound).
     */
    private RecordedMake make(long makeId) {
        List<Ingredient> ingredients = new ArrayList<>();
        for (Ingredient ingredient : APPLE_PIE.ingredients()) {
            double factor = 1 + (makeId + ingredients.size()) % 5 / 10.0 + ingredients.size() / 7.0;
            ingredients.add(
                    ingredient.quantity() == null
                            ? ingredient
                            : ingredient.withQuantity(ingredient.quantity() * factor));
        }
        ingredients.add(Ingredient.of(null, 1.0, "pinch", "extra" + (makeId % DISTINCT_EXTRAS)));
        Recipe cooked = new Recipe(
                APPLE_PIE.recipeId(),
                APPLE_PIE.recipeName(),
                4.0,
                APPLE_PIE.servings(),
                ingredients,
                APPLE_PIE.steps());
        OffsetDateTime madeAt = FIRST_MADE.plusHours(makeId);
        Comparison comparison = comparator
                .compare(APPLE_PIE, new Make(cooked, madeAt, "cook", null))
                .withMakeId(makeId);
        return new RecordedMake(makeId, 1, madeAt, 4.0, comparison.exact(), comparison.differences());
    }

    /** What the refresher does: fold, then bound. */
    private ViewBounds.Bounded foldBounded(int makes) {
        ViewBounds.Bounded bounded = new ViewBounds.Bounded(RecipeStatsView.empty(2, "Apple Pie"), OtherChanges.none());
        for (long makeId = 1; makeId <= makes; makeId++) {
            bounded = ViewBounds.bound(bounded.view().apply(make(makeId)), bounded.other());
        }
        return bounded;
    }

    private RecipeStatsView foldUnbounded(int makes) {
        RecipeStatsView view = RecipeStatsView.empty(2, "Apple Pie");
        for (long makeId = 1; makeId <= makes; makeId++) {
            view = view.apply(make(makeId));
        }
        return view;
    }

    private int storedSize(ViewBounds.Bounded bounded) throws Exception {
        return mapper.writeValueAsString(bounded.view()).length()
                + new StatsBody(mapper).render(bounded.view(), bounded.other()).length();
    }

    @Test
    void theStoredViewDoesNotGrowOnceItsListsAndSeriesAreFull() throws Exception {
        int after1000 = storedSize(foldBounded(1000));
        int after2000 = storedSize(foldBounded(2000));

        assertThat(after2000).isLessThanOrEqualTo(after1000 + after1000 / 50);
        assertThat(after2000).isLessThan(120_000);
    }

    @Test
    void listsAndSeriesAreCappedAndSeriesKeepTheirLatestPoints() {
        RecipeStatsView view = foldBounded(600).view();
        RecipeStatsView unbounded = foldUnbounded(600);

        assertThat(view.ingredientChanges()).hasSize(ViewBounds.MAX_LISTED);
        assertThat(view.quantityDrift()).isNotEmpty().hasSizeLessThanOrEqualTo(ViewBounds.MAX_SERIES);
        view.quantityDrift().forEach((key, series) -> {
            List<?> all = unbounded.quantityDrift().get(key).points();
            assertThat(series.observed())
                    .as(key)
                    .isEqualTo(unbounded.quantityDrift().get(key).observed());
            assertThat(series.points())
                    .as(key)
                    .hasSize(ViewBounds.MAX_POINTS)
                    .isEqualTo(all.subList(all.size() - ViewBounds.MAX_POINTS, all.size()));
        });
    }

    @Test
    void totalsStayExactAndTheDroppedCountsAreTalliedAsOtherChanges() {
        ViewBounds.Bounded bounded = foldBounded(600);
        RecipeStatsView unbounded = foldUnbounded(600);

        assertThat(bounded.view().makes()).isEqualTo(600);
        assertThat(bounded.view().exactMakes()).isEqualTo(unbounded.exactMakes());
        assertThat(bounded.view().modifiedRatings()).isEqualTo(unbounded.modifiedRatings());
        assertThat(bounded.view().lastMadeAt()).isEqualTo(unbounded.lastMadeAt());
        assertThat(bounded.other().ingredients()).isPositive();
        assertThat(total(bounded.view().ingredientChanges()) + bounded.other().ingredients())
                .isEqualTo(total(unbounded.ingredientChanges()));
        assertThat(total(bounded.view().stepChanges()) + bounded.other().steps())
                .isEqualTo(total(unbounded.stepChanges()));
    }

    @Test
    void theRecipesOwnIngredientsStayListedWithTheirExactCounts() {
        RecipeStatsView bounded = foldBounded(600).view();
        RecipeStatsView unbounded = foldUnbounded(600);

        unbounded.ingredientChanges().forEach((key, count) -> {
            if (count.count() == 600) {
                assertThat(bounded.ingredientChanges().get(key)).as(key).isEqualTo(count);
            }
        });
    }

    @Test
    void boundingABoundedViewChangesNothing() {
        ViewBounds.Bounded once = foldBounded(300);

        ViewBounds.Bounded twice = ViewBounds.bound(once.view(), once.other());

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void theRenderedStatsSayTheSeriesLimitAndTheOtherChanges() throws Exception {
        ViewBounds.Bounded bounded = foldBounded(300);

        var body = mapper.readTree(new StatsBody(mapper).render(bounded.view(), bounded.other()));

        assertThat(body.path("makes").asLong()).isEqualTo(300);
        assertThat(body.path("seriesLimit").asInt()).isEqualTo(ViewBounds.MAX_POINTS);
        assertThat(body.path("otherChanges").path("ingredients").asLong())
                .isEqualTo(bounded.other().ingredients());
        assertThat(body.path("mostChangedIngredients")).hasSize(ViewBounds.MAX_LISTED);
    }

    private static long total(Map<String, ChangeCount> counts) {
        return counts.values().stream().mapToLong(ChangeCount::count).sum();
    }
}
