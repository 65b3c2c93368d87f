package dev.recipediff.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared samples, compared by the real comparator and folded: the story the dashboard must tell. */
class SampleStoryTest {

    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();

    private RecipeStatsView story(String recipeFile, String... makeFiles) throws IOException {
        Recipe recipe = reader.readRecipe(sample("recipes/" + recipeFile));
        List<RecordedMake> recorded = new ArrayList<>();
        OffsetDateTime receivedAt = OffsetDateTime.parse("2026-11-21T09:00:00Z");
        for (int i = 0; i < makeFiles.length; i++) {
            Make make = reader.readMake(sample("makes/" + makeFiles[i]));
            Comparison comparison = comparator.compare(recipe, make).withMakeId(i + 1);
            OffsetDateTime madeAt = make.madeAt() != null ? make.madeAt() : receivedAt.plusDays(i);
            recorded.add(new RecordedMake(
                    i + 1, 1, madeAt, make.content().rating(), comparison.exact(), comparison.differences()));
        }
        return RecipeStatsView.rebuild(recipe.recipeId(), recipe.recipeName(), recorded);
    }

    private static byte[] sample(String path) throws IOException {
        try (InputStream in = SampleStoryTest.class.getResourceAsStream("/samples/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void applePieShowsTheCinnamonDriftAndTheHotterOven() throws IOException {
        RecipeStats stats = story(
                        "apple-pie.json",
                        "apple-pie.exact.json",
                        "apple-pie.more-cinnamon-hotter.json",
                        "apple-pie.same-in-teaspoons.json")
                .stats();

        assertThat(stats.makes()).isEqualTo(3);
        assertThat(stats.exactMakes()).isEqualTo(2);
        assertThat(stats.averageRating()).isEqualTo(new RecipeStats.AverageRating(4.5, 5.0, 4.67));
        assertThat(stats.mostChangedIngredients())
                .extracting(RecipeStats.Counted::label)
                .containsExactly("cinnamon");
        RecipeStats.Drift cinnamon = stats.quantityDrift().getFirst();
        assertThat(cinnamon.label()).isEqualTo("cinnamon");
        assertThat(cinnamon.points()).singleElement().satisfies(point -> assertThat(point.makeValue())
                .isEqualTo(2 * point.recipeValue(), org.assertj.core.data.Offset.offset(0.01)));
        assertThat(stats.parameterDrift())
                .extracting(RecipeStats.Drift::label)
                .contains("Step 2 temperature", "Step 4 duration");
        RecipeStats.Drift oven = stats.parameterDrift().stream()
                .filter(d -> d.label().equals("Step 2 temperature"))
                .findFirst()
                .orElseThrow();
        assertThat(oven.points()).singleElement().satisfies(point -> {
            assertThat(point.recipeValue()).isEqualTo(350);
            assertThat(point.makeValue()).isEqualTo(375);
        });
    }

    @Test
    void pancakesShowTheDoublingAndTheButtermilkSubstitution() throws IOException {
        RecipeStats stats = story("pancakes.json", "pancakes.doubled.json", "pancakes.no-buttermilk.json")
                .stats();

        assertThat(stats.makes()).isEqualTo(2);
        assertThat(stats.exactMakes()).isZero();
        assertThat(stats.scaleFactors()).containsExactly(new RecipeStats.ScaleFactorCount(2.0, 1));
        assertThat(stats.substitutions()).singleElement().satisfies(substitution -> {
            assertThat(substitution.from()).isEqualTo("buttermilk");
            assertThat(substitution.to()).contains("milk");
            assertThat(substitution.count()).isEqualTo(1);
        });
        assertThat(stats.mostChangedIngredients())
                .extracting(RecipeStats.Counted::label)
                .contains("buttermilk", "lemon juice");
    }
}
