package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MakeGeneratorTest {

    private static final List<Recipe> RECIPES = RecipeCatalog.generate(5, 1);
    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();

    private static List<GeneratedMake> generated(int count) {
        return new MakeGenerator(RECIPES, 42).generate(count);
    }

    private static Recipe recipeOf(GeneratedMake make) {
        return RECIPES.stream()
                .filter(recipe -> recipe.recipeId() == make.recipeId())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyVariationOccursRoughlyAsOftenAsItsWeightSays() {
        Map<MakeVariation, Long> counts = new EnumMap<>(generated(10_000).stream()
                .collect(Collectors.groupingBy(GeneratedMake::variation, Collectors.counting())));

        for (MakeVariation variation : MakeVariation.values()) {
            double expected = 10_000.0 * variation.weight() / MakeVariation.totalWeight();
            assertThat(counts.getOrDefault(variation, 0L))
                    .as(variation.name())
                    .isBetween((long) (expected * 0.7), (long) (expected * 1.3));
        }
    }

    @Test
    void theSameSeedGivesTheSameFiles() {
        List<GeneratedMake> first = generated(50);
        List<GeneratedMake> second = generated(50);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).body()).isEqualTo(first.get(i).body());
        }
    }

    @Test
    void makesMadeExactlyCompareExact() {
        List<GeneratedMake> exact = byVariation(MakeVariation.EXACT);

        assertThat(exact).isNotEmpty().allSatisfy(make -> assertThat(comparator
                        .compare(recipeOf(make), reader.readMake(make.body()))
                        .exact())
                .isTrue());
    }

    @Test
    void changedMakesHaveDifferences() {
        for (MakeVariation variation : List.of(
                MakeVariation.SUBSTITUTION,
                MakeVariation.SCALED,
                MakeVariation.QUANTITY_CHANGE,
                MakeVariation.STEP_CHANGE)) {
            assertThat(byVariation(variation)).as(variation.name()).isNotEmpty().allSatisfy(make -> {
                Make read = reader.readMake(make.body());
                assertThat(read.recipeId()).isEqualTo(make.recipeId());
                assertThat(comparator.compare(recipeOf(make), read).differences())
                        .isNotEmpty();
            });
        }
    }

    @Test
    void brokenMistypedAndRecipelessFilesAreInvalidDocuments() {
        for (MakeVariation variation :
                List.of(MakeVariation.INVALID_JSON, MakeVariation.WRONG_TYPES, MakeVariation.MISSING_RECIPE_ID)) {
            assertThat(byVariation(variation)).as(variation.name()).isNotEmpty().allSatisfy(make -> assertThatThrownBy(
                            () -> reader.readMake(make.body()))
                    .isInstanceOf(InvalidDocumentException.class));
        }
    }

    @Test
    void aRecordedMakeNamesItsSequenceInMadeBy() {
        GeneratedMake make = byVariation(MakeVariation.QUANTITY_CHANGE).getFirst();
        String recorded = new String(make.body(), StandardCharsets.UTF_8);

        assertThat(MakeGenerator.sequenceOf(recorded)).isEqualTo(make.sequence());
        assertThat(MakeGenerator.sequenceOf("{\"madeBy\":\"someone\"}")).isEqualTo(-1);
    }

    @Test
    void makesGoToTheRecipesInTurn() {
        Map<Long, Long> perRecipe =
                generated(100).stream().collect(Collectors.groupingBy(GeneratedMake::recipeId, Collectors.counting()));

        assertThat(perRecipe).hasSize(5).allSatisfy((recipeId, count) -> assertThat(count)
                .isEqualTo(20));
    }

    private static List<GeneratedMake> byVariation(MakeVariation variation) {
        return generated(2_000).stream()
                .filter(make -> make.variation() == variation)
                .toList();
    }
}
