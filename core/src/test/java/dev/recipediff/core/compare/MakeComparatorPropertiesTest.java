package dev.recipediff.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.ListArbitrary;

/** Properties of the comparison engine over generated valid recipes. */
class MakeComparatorPropertiesTest {

    private static final List<String> UNITS = List.of(
            "tsp", "TBS", "tbsp", "T", "cup", "fl oz", "ml", "l", "pint", "quart", "gallon", "g", "kg", "oz", "lb",
            "unit", "piece", "whole", "clove", "can", "pinch", "knob");
    private static final List<String> WORDS = List.of(
            "flour",
            "sugar",
            "egg",
            "eggs",
            "butter",
            "milk",
            "salt",
            "apple",
            "apples",
            "cinnamon",
            "bake",
            "whisk",
            "the",
            "for",
            "minutes",
            "hours",
            "degrees",
            "°F",
            "°C",
            "350",
            "45",
            "2",
            "1.5",
            "oven",
            "stir",
            "fold",
            "pieCrust",
            "berries",
            "and",
            ",",
            ".");

    private final MakeComparator comparator = new MakeComparator();

    @Property(tries = 200)
    void aRecipeComparedWithItselfIsExact(@ForAll("recipes") Recipe recipe) {
        Comparison comparison = comparator.compare(recipe, makeOf(recipe));

        assertThat(comparison.exact()).isTrue();
        assertThat(comparison.differences()).isEmpty();
    }

    @Property(tries = 200)
    void scalingEveryQuantityByKIsExactlyOneScaleChange(
            @ForAll("scalableRecipes") Recipe recipe, @ForAll("factors") double k) {
        List<Ingredient> scaled = recipe.ingredients().stream()
                .map(i -> i.quantity() == null ? i : i.withQuantity(i.quantity() * k))
                .toList();
        Double servings = recipe.servings() == null ? null : recipe.servings() * k;
        Recipe made =
                new Recipe(recipe.recipeId(), recipe.recipeName(), recipe.rating(), servings, scaled, recipe.steps());

        Comparison comparison = comparator.compare(recipe, makeOf(made));

        assertThat(comparison.differences()).singleElement().satisfies(scale -> {
            assertThat(scale.recipeField()).isEqualTo(RecipeField.SCALE);
            assertThat(scale.change()).isEqualTo(ChangeKind.SCALED);
            assertThat(scale.factor()).isCloseTo(k, org.assertj.core.data.Offset.offset(k * 1e-4));
        });
    }

    @Property(tries = 200)
    void permutingTheIngredientsChangesNoIngredient(@ForAll("recipes") Recipe recipe, @ForAll long seed) {
        List<Ingredient> shuffled = new ArrayList<>(recipe.ingredients());
        Collections.shuffle(shuffled, new Random(seed));
        Recipe made = new Recipe(
                recipe.recipeId(), recipe.recipeName(), recipe.rating(), recipe.servings(), shuffled, recipe.steps());

        Comparison comparison = comparator.compare(recipe, makeOf(made));

        assertThat(comparison.differences())
                .noneMatch(d -> d.recipeField() == RecipeField.INGREDIENT || d.recipeField() == RecipeField.SCALE);
    }

    @Property(tries = 300)
    void comparingAnyTwoValidDocumentsNeverThrows(
            @ForAll("anyRecipes") Recipe recipe, @ForAll("anyRecipes") Recipe other) {
        Comparison comparison = comparator.compare(recipe, makeOf(other));

        assertThat(comparison.exact()).isEqualTo(comparison.differences().isEmpty());
        assertThat(comparison.differences()).allSatisfy(d -> {
            assertThat(d.recipeField()).isNotNull();
            assertThat(d.change()).isNotNull();
            assertThat(d.difference()).isNotNull();
        });
    }

    @Property(tries = 50)
    void comparingIsDeterministic(@ForAll("anyRecipes") Recipe recipe, @ForAll("anyRecipes") Recipe other) {
        assertThat(comparator.compare(recipe, makeOf(other))).isEqualTo(comparator.compare(recipe, makeOf(other)));
    }

    private static Make makeOf(Recipe recipe) {
        return new Make(recipe, null, null, null);
    }

    @Provide
    Arbitrary<Double> factors() {
        return Arbitraries.of(0.25, 0.5, 1.5, 2.0, 3.0, 4.0, 10.0);
    }

    @Provide
    Arbitrary<Recipe> recipes() {
        return recipe(
                ingredients(0, 15, false),
                steps(Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(12).map(words -> String.join(" ", words))));
    }

    /** Distinct names and at least two positive quantities, so that a ratio can be seen. */
    @Provide
    Arbitrary<Recipe> scalableRecipes() {
        return recipe(
                ingredients(2, 15, true)
                        .filter(list -> list.stream()
                                        .filter(i -> i.quantity() != null && i.quantity() > 0)
                                        .count()
                                >= 2),
                steps(Arbitraries.of(WORDS).list().ofMaxSize(8).map(words -> String.join(" ", words))));
    }

    /** Anything the reader accepts: any text, any unit spelling, zero quantities, missing fields. */
    @Provide
    Arbitrary<Recipe> anyRecipes() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of(WORDS).list().ofMaxSize(12).map(words -> String.join(" ", words)));
        Arbitrary<Ingredient> ingredient = Combinators.combine(
                        Arbitraries.longs().between(1, 8).injectNull(0.3),
                        Arbitraries.doubles().between(0, 1_000_000).injectNull(0.2),
                        Arbitraries.oneOf(
                                        Arbitraries.of(UNITS),
                                        Arbitraries.strings().ofMaxLength(8))
                                .injectNull(0.2),
                        text)
                .as(Ingredient::of);
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.longs().between(1, 8).injectNull(0.3), text)
                .as(Step::new);
        return Combinators.combine(
                        Arbitraries.longs().between(1, 1000).injectNull(0.1),
                        text.injectNull(0.1),
                        Arbitraries.doubles().between(0, 5).injectNull(0.3),
                        Arbitraries.doubles().between(0, 100).injectNull(0.5),
                        ingredient.list().ofMaxSize(20),
                        step.list().ofMaxSize(12))
                .as(Recipe::new);
    }

    private static Arbitrary<Recipe> recipe(Arbitrary<List<Ingredient>> ingredients, Arbitrary<List<Step>> steps) {
        return Combinators.combine(
                        Arbitraries.longs().between(1, 1000),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.of(1.0, 2.5, 3.0, 4.5, 5.0).injectNull(0.3),
                        Arbitraries.integers()
                                .between(1, 12)
                                .map(Integer::doubleValue)
                                .injectNull(0.5),
                        ingredients,
                        steps)
                .as(Recipe::new);
    }

    private static Arbitrary<List<Ingredient>> ingredients(int min, int max, boolean distinctNames) {
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        Arbitrary<Ingredient> ingredient = Combinators.combine(
                        Arbitraries.integers()
                                .between(1, 1000)
                                .map(q -> q / 8.0)
                                .injectNull(0.1),
                        Arbitraries.of(UNITS).injectNull(0.1),
                        name,
                        Arbitraries.of(true, false))
                .as((quantity, unit, n, withId) -> Ingredient.of(withId ? 1L : null, quantity, unit, n));
        ListArbitrary<Ingredient> list = ingredient.list().ofMinSize(min).ofMaxSize(max);
        if (distinctNames) {
            list = list.uniqueElements(i -> IngredientNames.normalize(i.ingredientName()));
        }
        return list.map(MakeComparatorPropertiesTest::withDistinctIds);
    }

    /** Ids, where present, are 1, 2, 3... in document order: unique, as a valid document has them. */
    private static List<Ingredient> withDistinctIds(List<Ingredient> ingredients) {
        List<Ingredient> numbered = new ArrayList<>(ingredients.size());
        for (int i = 0; i < ingredients.size(); i++) {
            Ingredient in = ingredients.get(i);
            numbered.add(
                    in.ingredientId() == null
                            ? in
                            : Ingredient.of(i + 1L, in.quantity(), in.measurement(), in.ingredientName()));
        }
        return numbered;
    }

    private static Arbitrary<List<Step>> steps(Arbitrary<String> text) {
        return Combinators.combine(text.list().ofMaxSize(10), Arbitraries.of(true, false))
                .as((texts, withIds) -> {
                    List<Step> steps = new ArrayList<>(texts.size());
                    for (int i = 0; i < texts.size(); i++) {
                        steps.add(new Step(withIds ? i + 1L : null, texts.get(i)));
                    }
                    return steps;
                });
    }
}
