package dev.recipediff.local.bench.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.compare.ChangeKind;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.IngredientField;
import dev.recipediff.core.compare.RecipeField;
import dev.recipediff.core.compare.Sides;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Recipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnownEditsGeneratorTest {

    private static final Recipe PANCAKES = new RecipeReader().readRecipe("""
            {"@context": "https://schema.org", "@type": "Recipe", "name": "Weekend Pancakes", "recipeYield": "4",
             "recipeIngredient": ["2 cups all-purpose flour", "2 tablespoons sugar", "1 teaspoon baking powder",
               "1/2 teaspoon salt", "2 cups buttermilk", "2 large eggs", "3 tablespoons butter, melted"],
             "recipeInstructions": [{"@type": "HowToStep", "text": "Whisk the flour, sugar, baking powder and salt."},
               {"@type": "HowToStep", "text": "Stir in the buttermilk, eggs and butter."},
               {"@type": "HowToStep", "text": "Cook on a hot griddle for 2 minutes a side."}]}
            """.getBytes(StandardCharsets.UTF_8));

    private static List<KnownEditsMake> makes(long seed) {
        KnownEditsGenerator generator = new KnownEditsGenerator(seed);
        return IntStream.range(0, 40)
                .mapToObj(i -> generator.generate("pancakes", PANCAKES).orElseThrow())
                .toList();
    }

    @Test
    void theSameSeedWritesTheSameMakes() {
        List<KnownEditsMake> first = makes(7);
        List<KnownEditsMake> second = makes(7);

        assertThat(first).hasSize(40);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).make()).isEqualTo(first.get(i).make());
            assertThat(second.get(i).edits()).isEqualTo(first.get(i).edits());
        }
    }

    @Test
    void makesComeInBothFormatsWithRealAndEquivalentEdits() {
        List<KnownEditsMake> makes = makes(7);

        assertThat(makes).extracting(KnownEditsMake::format).contains("jsonld", "original");
        assertThat(makes)
                .anySatisfy(make -> assertThat(make.equivalentOnly()).isTrue())
                .anySatisfy(make -> assertThat(make.equivalentOnly()).isFalse());
        assertThat(makes).allSatisfy(make -> assertThat(make.edits()).isNotEmpty());
        assertThat(makes).allSatisfy(make -> assertThat(new RecipeReader().readMake(make.make()))
                .isNotNull());
    }

    @Test
    void aQuantityEditIsFoundByAQuantityDifferenceOfThatIngredientAndNothingElse() {
        KnownEditsMake make = new KnownEditsMake(
                "pancakes",
                "original",
                new byte[0],
                List.of(new KnownEdit(KnownEdit.Kind.QUANTITY, 1, "sugar", null, "2 → 3")));
        Difference sugar = new Difference(
                RecipeField.INGREDIENT,
                null,
                null,
                ChangeKind.MODIFIED,
                null,
                IngredientField.QUANTITY,
                "sugar",
                null,
                Sides.of("2 tablespoons", "3 tablespoons"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Difference salt = new Difference(
                RecipeField.INGREDIENT,
                null,
                null,
                ChangeKind.MODIFIED,
                null,
                IngredientField.QUANTITY,
                "salt",
                null,
                Sides.of("0.5 teaspoon", "1 teaspoon"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        KnownEditsScore score = new KnownEditsScore();

        List<Difference> noise = score.add(make, List.of(sugar, salt));

        assertThat(noise).containsExactly(salt);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isEqualTo(0.5);
    }

    @Test
    void namesMatchAcrossPluralsAndCase() {
        assertThat(KnownEditsScore.sameName("cherry tomato", "Cherry Tomatoes")).isTrue();
        assertThat(KnownEditsScore.sameName("rice krispy cereal", "Rice Krispies cereal"))
                .isTrue();
        assertThat(KnownEditsScore.sameName("salt", "sugar")).isFalse();
    }
}
