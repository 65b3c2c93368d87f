package dev.recipediff.core.compare;

import static dev.recipediff.core.testing.RecipeBuilder.aRecipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import org.junit.jupiter.api.Test;

/** Issue 15: what a cook restates without changing the recipe is no difference; what they change still is. */
class KitchenEquivalenceTest {

    private final MakeComparator comparator = new MakeComparator();

    @Test
    void halfATeaspoonRestatedAsTwoAndAHalfMillilitresIsNoChange() {
        Recipe recipe = aRecipe().ingredient(0.5, "teaspoon", "vanilla extract").build();
        Make make = aRecipe().ingredient(2.5, "ml", "vanilla extract").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aCupRestatedAsTwoHundredFortyMillilitresIsNoChange() {
        Recipe recipe = aRecipe().ingredient(1.0, "cup", "whole milk").build();
        Make make = aRecipe().ingredient(240.0, "ml", "whole milk").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aRestatementMayRoundToTheLastPlaceTheMakeWrites() {
        // a quarter teaspoon is 1.23 ml: "1.2 ml" is 2.6 % off but as precise as the make writes
        Recipe recipe = aRecipe().ingredient(0.25, "tsp", "ground cloves").build();
        Make make = aRecipe().ingredient(1.2, "ml", "ground cloves").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aCupRestatedAsThreeHundredMillilitresIsAQuantityChange() {
        Recipe recipe = aRecipe().ingredient(1.0, "cup", "whole milk").build();
        Make make = aRecipe().ingredient(300.0, "ml", "whole milk").buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::change, Difference::ingredientField)
                .containsExactly(tuple(ChangeKind.MODIFIED, IngredientField.QUANTITY));
    }

    @Test
    void theSameUnitKeepsItsTolerance() {
        Recipe recipe = aRecipe().ingredient(10.0, "g", "yeast").build();
        Make make = aRecipe().ingredient(11.0, "g", "yeast").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isFalse();
    }

    @Test
    void entitiesTagsAndSpacingAloneAreNoChange() {
        Recipe recipe = aRecipe()
                .name("Fast & Easy Shortbread")
                .ingredient(1.0, "cup", "confectioners' sugar")
                .step("Preheat the oven to 325°F and line a tray.")
                .build();
        Make make = aRecipe()
                .name("Fast &amp; Easy Shortbread")
                .ingredient(1.0, "cup", "confectioners&#39;  sugar")
                .step("<p>Preheat the oven to 325&deg;F and  line a tray.</p>")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences()).isEmpty();
    }

    @Test
    void anOvenRestatedToTheNearestTenDegreesCelsiusIsNoChange() {
        Recipe recipe = aRecipe().step("Bake at 350°F for 25 minutes").build();
        Make make = aRecipe().step("Bake at 180°C for 25 mins").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void aUnitWordLeftInTheNameIsTakenBackOut() {
        // a parser that does not know "c." reads "1 c. flour" as one unit of "c. flour"
        Recipe recipe = aRecipe().ingredient(1.0, "unit", "c. bread flour").build();
        Make make = aRecipe().ingredient(240.0, "ml", "bread flour").buildMake();

        assertThat(comparator.compare(recipe, make).exact()).isTrue();
    }

    @Test
    void anUnrelatedIngredientInAnotherDimensionIsRemovedAndAddedNotSubstituted() {
        Recipe recipe = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(1.0, "unit", "lemon")
                .ingredient(1.0, "tsp", "salt")
                .build();
        Make make = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(100.0, "g", "dark chocolate")
                .ingredient(1.0, "tsp", "salt")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::change)
                .containsExactly(ChangeKind.REMOVED, ChangeKind.ADDED);
    }

    @Test
    void anUnrelatedIngredientInTheSamePlaceWithACloseAmountIsRemovedAndAdded() {
        Recipe recipe = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(12.0, "tbsp", "cold butter")
                .ingredient(1.0, "tsp", "salt")
                .build();
        Make make = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(0.5, "cup", "frozen peas")
                .ingredient(1.0, "tsp", "salt")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::change)
                .containsExactly(ChangeKind.REMOVED, ChangeKind.ADDED);
    }

    @Test
    void aKnownSubstituteIsPairedEvenWhereTheSameAmountStandsNextToIt() {
        Recipe recipe = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(2.0, "tbsp", "poppy seeds")
                .ingredient(2.0, "tbsp", "lemon juice")
                .ingredient(1.0, "tsp", "salt")
                .build();
        Make make = aRecipe()
                .ingredient(2.0, "cup", "flour")
                .ingredient(2.0, "tbsp", "lime juice")
                .ingredient(1.0, "tsp", "salt")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::change, Difference::ingredient)
                .containsExactly(tuple(ChangeKind.REMOVED, "poppy seed"), tuple(ChangeKind.SUBSTITUTED, "lemon juice"));
    }

    @Test
    void twoLinesOfOneNameAreNotCrossPairedUnderAScaling() {
        Recipe recipe = aRecipe()
                .servings(4.0)
                .ingredient(0.25, "cup", "flour")
                .ingredient(1.0, "cup", "milk")
                .ingredient(2.0, "unit", "eggs")
                .ingredient(2.0, "tbsp", "flour")
                .build();
        Make make = aRecipe()
                .servings(8.0)
                .ingredient(4.0, "tbsp", "flour")
                .ingredient(2.0, "cup", "milk")
                .ingredient(4.0, "unit", "eggs")
                .ingredient(0.5, "cup", "flour")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::recipeField)
                .containsExactly(RecipeField.SCALE);
    }

    @Test
    void aRecipeListingEveryIngredientTwiceIsStillOneScaling() {
        // a cake and its frosting, both made of butter, sugar and milk: no name tells the scale alone
        Recipe recipe = aRecipe()
                .ingredient(1.0, "cup", "butter")
                .ingredient(1.5, "cup", "sugar")
                .ingredient(0.5, "cup", "milk")
                .ingredient(0.5, "cup", "butter")
                .ingredient(2.0, "cup", "sugar")
                .ingredient(2.0, "tbsp", "milk")
                .build();
        Make make = aRecipe()
                .ingredient(2.0, "cup", "butter")
                .ingredient(3.0, "cup", "sugar")
                .ingredient(1.0, "cup", "milk")
                .ingredient(1.0, "cup", "butter")
                .ingredient(4.0, "cup", "sugar")
                .ingredient(4.0, "tbsp", "milk")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::recipeField)
                .containsExactly(RecipeField.SCALE);
    }

    @Test
    void leavingOutOneOfTwoLinesOfOneNameIsARemoval() {
        Recipe recipe = aRecipe()
                .ingredient(3.0, "cup", "flour")
                .ingredient(1.0, "cup", "milk")
                .ingredient(2.0, "tbsp", "flour")
                .build();
        Make make = aRecipe()
                .ingredient(1.0, "cup", "milk")
                .ingredient(2.0, "tbsp", "flour")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::change, Difference::difference)
                .containsExactly(tuple(ChangeKind.REMOVED, Sides.of("3 cup flour", "")));
    }

    @Test
    void amountsACookRoundedAfterScalingAreNoChange() {
        Recipe recipe = aRecipe()
                .servings(4.0)
                .ingredient(3.0, "unit", "eggs")
                .ingredient(1.0, "cup", "sugar")
                .ingredient(2.0, "cup", "flour")
                .build();
        Make make = aRecipe()
                .servings(6.0)
                .ingredient(5.0, "unit", "eggs")
                .ingredient(1.5, "cup", "sugar")
                .ingredient(3.0, "cup", "flour")
                .buildMake();

        assertThat(comparator.compare(recipe, make).differences())
                .extracting(Difference::recipeField)
                .containsExactly(RecipeField.SCALE);
    }
}
