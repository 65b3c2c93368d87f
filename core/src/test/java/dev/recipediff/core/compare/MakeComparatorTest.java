package dev.recipediff.core.compare;

import static dev.recipediff.core.testing.RecipeBuilder.aRecipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import org.junit.jupiter.api.Test;

/** Behaviours of the comparator one at a time; the full outputs are in the golden cases. */
class MakeComparatorTest {

    private final MakeComparator comparator = new MakeComparator();

    @Test
    void aMakeOfTheSameRecipeIsExact() {
        // given
        Recipe recipe = aRecipe()
                .rating(4.0)
                .ingredient(1, 2.0, "cup", "flour")
                .step(1, "Bake for 20 minutes")
                .build();
        Make make = aRecipe()
                .rating(4.0)
                .ingredient(1, 2.0, "cup", "flour")
                .step(1, "Bake for 20 minutes")
                .buildMake();

        // when
        Comparison comparison = comparator.compare(recipe, make);

        // then
        assertThat(comparison.exact()).isTrue();
        assertThat(comparison.differences()).isEmpty();
    }

    @Test
    void tablespoonsAndTeaspoonsOfTheSameAmountAreNoChange() {
        Recipe recipe = aRecipe().ingredient(1, 0.5, "TBS", "cinnamon").build();
        Make make = aRecipe().ingredient(1, 1.5, "tsp", "cinnamon").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aChangedAmountIsOneQuantityChangeWithNormalisedValues() {
        Recipe recipe = aRecipe().ingredient(3, 0.5, "TBS", "cinnamon").build();
        Make make = aRecipe().ingredient(3, 1.0, "TBS", "cinnamon").buildMake();

        Difference change = comparator.compare(recipe, make).differences().getFirst();

        assertThat(change.recipeField()).isEqualTo(RecipeField.INGREDIENT);
        assertThat(change.change()).isEqualTo(ChangeKind.MODIFIED);
        assertThat(change.ingredientField()).isEqualTo(IngredientField.QUANTITY);
        assertThat(change.ingredientId()).isEqualTo(3L);
        assertThat(change.ingredient()).isEqualTo("cinnamon");
        assertThat(change.difference()).isEqualTo(Sides.of("0.5 TBS", "1 TBS"));
        assertThat(change.recipeValue()).isCloseTo(7.393, offset(0.001));
        assertThat(change.makeValue()).isCloseTo(14.787, offset(0.001));
        assertThat(change.recipeUnit()).isEqualTo("ml");
    }

    @Test
    void ingredientsWithoutIdsAreMatchedByNameNotByPosition() {
        Recipe recipe = aRecipe()
                .ingredient(1.0, "cup", "sugar")
                .ingredient(1.0, "tsp", "salt")
                .build();
        Make make = aRecipe()
                .ingredient(1.0, "tsp", "Salt")
                .ingredient(1.0, "cup", "Sugar")
                .buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aCupAgainstGramsIsAMeasurementChange() {
        Recipe recipe = aRecipe().ingredient(1, 0.75, "cup", "sugar").build();
        Make make = aRecipe().ingredient(1, 150.0, "g", "sugar").buildMake();

        Difference change = comparator.compare(recipe, make).differences().getFirst();

        assertThat(change.ingredientField()).isEqualTo(IngredientField.MEASUREMENT);
        assertThat(change.recipeUnit()).isEqualTo("ml");
        assertThat(change.makeUnit()).isEqualTo("g");
    }

    @Test
    void everythingDoubledIsOneScaleChange() {
        Recipe recipe = aRecipe()
                .servings(4.0)
                .ingredient(1, 2.0, "cup", "flour")
                .ingredient(2, 1.0, "tsp", "salt")
                .ingredient(3, 2.0, "unit", "eggs")
                .build();
        Make make = aRecipe()
                .servings(8.0)
                .ingredient(1, 4.0, "cup", "flour")
                .ingredient(2, 2.0, "tsp", "salt")
                .ingredient(3, 4.0, "unit", "eggs")
                .buildMake();

        Comparison comparison = comparator.compare(recipe, make);

        assertThat(comparison.differences()).singleElement().satisfies(scale -> {
            assertThat(scale.recipeField()).isEqualTo(RecipeField.SCALE);
            assertThat(scale.change()).isEqualTo(ChangeKind.SCALED);
            assertThat(scale.factor()).isEqualTo(2.0);
        });
    }

    @Test
    void anIngredientDeviatingFromTheScaleIsComparedWithItsScaledAmount() {
        Recipe recipe = aRecipe()
                .ingredient(1, 1.0, "cup", "flour")
                .ingredient(2, 1.0, "cup", "sugar")
                .ingredient(3, 2.0, "unit", "eggs")
                .ingredient(4, 1.0, "tsp", "salt")
                .build();
        Make make = aRecipe()
                .ingredient(1, 2.0, "cup", "flour")
                .ingredient(2, 2.0, "cup", "sugar")
                .ingredient(3, 4.0, "unit", "eggs")
                .ingredient(4, 1.0, "tsp", "salt")
                .buildMake();

        Comparison comparison = comparator.compare(recipe, make);

        assertThat(comparison.differences())
                .extracting(Difference::recipeField)
                .containsExactly(RecipeField.SCALE, RecipeField.INGREDIENT);
        Difference salt = comparison.differences().get(1);
        assertThat(salt.ingredient()).isEqualTo("salt");
        assertThat(salt.difference()).isEqualTo(Sides.of("2 tsp", "1 tsp"));
        assertThat(salt.factor()).isEqualTo(2.0);
    }

    @Test
    void anIngredientReplacedInItsPlaceIsOneSubstitution() {
        Recipe recipe = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(2.0, "cup", "buttermilk")
                .ingredient(2.0, "unit", "eggs")
                .build();
        Make make = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(2.0, "cup", "milk")
                .ingredient(2.0, "unit", "eggs")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.change()).isEqualTo(ChangeKind.SUBSTITUTED);
                    assertThat(change.ingredientField()).isEqualTo(IngredientField.INGREDIENT_NAME);
                    assertThat(change.difference()).isEqualTo(Sides.of("2 cup buttermilk", "2 cup milk"));
                });
    }

    @Test
    void aChangedOvenTemperatureIsAParameterChangeNotARewording() {
        Recipe recipe = aRecipe().step(2, "Pre heat oven to 350 degrees").build();
        Make make = aRecipe().step(2, "Pre heat oven to 375 degrees").buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.parameter()).isEqualTo(StepParameterKind.TEMPERATURE);
                    assertThat(change.difference()).isEqualTo(new Sides("350 degrees", "375 degrees", 2L));
                    assertThat(change.recipeValue()).isEqualTo(350.0);
                    assertThat(change.makeValue()).isEqualTo(375.0);
                });
    }

    @Test
    void durationsAreComparedInMinutes() {
        Recipe recipe = aRecipe().step(1, "Chill for 1 hour").build();
        Make make = aRecipe().step(1, "Chill for 60 minutes").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aMakeThatStatesNoRatingHasNoRatingChange() {
        Recipe recipe = aRecipe().rating(4.5).build();
        Make make = aRecipe().buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void withMakeIdStampsEveryDifference() {
        Recipe recipe = aRecipe().rating(4.0).ingredient(1, 1.0, "cup", "flour").build();
        Make make = aRecipe().rating(5.0).ingredient(1, 2.0, "cup", "flour").buildMake();

        Comparison comparison = comparator.compare(recipe, make).withMakeId(42);

        assertThat(comparison.differences()).hasSize(2).allSatisfy(d -> assertThat(d.makeId())
                .isEqualTo(42L));
    }

    @Test
    void servingsOnlyTheMakeStatesAreReportedNextToAScale() {
        Recipe recipe = aRecipe()
                .ingredient(1, 1.0, "cup", "flour")
                .ingredient(2, 2.0, "unit", "eggs")
                .build();
        Make make = aRecipe()
                .servings(8.0)
                .ingredient(1, 2.0, "cup", "flour")
                .ingredient(2, 4.0, "unit", "eggs")
                .buildMake();

        Comparison comparison = comparator.compare(recipe, make);

        assertThat(comparison.differences())
                .extracting(Difference::recipeField, Difference::change)
                .containsExactly(
                        tuple(RecipeField.SERVINGS, ChangeKind.ADDED), tuple(RecipeField.SCALE, ChangeKind.SCALED));
    }
}
