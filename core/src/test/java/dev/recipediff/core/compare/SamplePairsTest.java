package dev.recipediff.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import org.junit.jupiter.api.Test;

/** The shared sample pairs give what samples/README.md says they give. */
class SamplePairsTest {

    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();

    @Test
    void applePieMadeExactlyIsExact() {
        assertThat(compare("apple-pie", "apple-pie.exact").exact()).isTrue();
    }

    @Test
    void applePieWithMoreCinnamonAndAHotterOvenGivesFourChanges() {
        Comparison comparison = compare("apple-pie", "apple-pie.more-cinnamon-hotter");

        assertThat(comparison.differences())
                .extracting(
                        Difference::recipeField,
                        Difference::ingredient,
                        Difference::parameter,
                        d -> d.difference().recipe(),
                        d -> d.difference().make())
                .containsExactly(
                        tuple(RecipeField.RATING, null, null, "4.5", "5"),
                        tuple(RecipeField.INGREDIENT, "cinnamon", null, "0.5 TBS", "1 TBS"),
                        tuple(
                                RecipeField.INSTRUCTION,
                                null,
                                StepParameterKind.TEMPERATURE,
                                "350 degrees",
                                "375 degrees"),
                        tuple(RecipeField.INSTRUCTION, null, StepParameterKind.DURATION, "45 minutes", "50 minutes"));
    }

    @Test
    void applePieMeasuredInTeaspoonsIsExact() {
        assertThat(compare("apple-pie", "apple-pie.same-in-teaspoons").exact()).isTrue();
    }

    @Test
    void doubledPancakesAreOneScaleChangeAndNothingElse() {
        Comparison comparison = compare("pancakes", "pancakes.doubled");

        assertThat(comparison.differences()).singleElement().satisfies(scale -> {
            assertThat(scale.recipeField()).isEqualTo(RecipeField.SCALE);
            assertThat(scale.factor()).isEqualTo(2.0);
        });
    }

    @Test
    void pancakesWithoutButtermilkAreMatchedByNameWithASubstitution() {
        Comparison comparison = compare("pancakes", "pancakes.no-buttermilk");

        assertThat(comparison.differences())
                .extracting(
                        Difference::recipeField,
                        Difference::change,
                        d -> d.difference().recipe(),
                        d -> d.difference().make())
                .containsExactly(
                        tuple(RecipeField.RATING, ChangeKind.MODIFIED, "4", "3.5"),
                        tuple(RecipeField.INGREDIENT, ChangeKind.SUBSTITUTED, "2 cup buttermilk", "2 cup milk"),
                        tuple(RecipeField.INGREDIENT, ChangeKind.ADDED, "", "2 tbsp lemon juice"),
                        tuple(
                                RecipeField.INSTRUCTION,
                                ChangeKind.MODIFIED,
                                "Whisk buttermilk, eggs and melted butter, then fold into the dry ingredients",
                                "Whisk milk, eggs and melted butter, then fold into the dry ingredients"),
                        tuple(RecipeField.INSTRUCTION, ChangeKind.REMOVED, "Rest the batter for 10 minutes", ""),
                        tuple(
                                RecipeField.INSTRUCTION,
                                ChangeKind.ADDED,
                                "",
                                "Stir the lemon juice into the milk and wait 5 minutes"));
    }

    private Comparison compare(String recipe, String make) {
        Recipe original = reader.readRecipe(SampleFiles.bytes("recipes/" + recipe + ".json"));
        Make made = reader.readMake(SampleFiles.bytes("makes/" + make + ".json"));
        return comparator.compare(original, made);
    }
}
