package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.json;
import static dev.recipediff.core.format.Documents.recipeWith;
import static dev.recipediff.core.format.Documents.rejectionOfMake;
import static dev.recipediff.core.format.Documents.rejectionOfRecipe;
import static dev.recipediff.core.testing.RecipeBuilder.aRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipeReaderOriginalFormatTest {

    private final RecipeReader reader = new RecipeReader();

    @Test
    void readsTheApplePieSampleFieldByField() {
        Recipe recipe = reader.readRecipe(SampleFiles.bytes("recipes/apple-pie.json"));

        assertThat(recipe)
                .isEqualTo(aRecipe()
                        .id(2L)
                        .name("Apple Pie")
                        .rating(4.5)
                        .ingredient(1, 1.0, "unit", "pieCrust")
                        .ingredient(2, 6.0, "unit", "apples")
                        .ingredient(3, 0.5, "TBS", "cinnamon")
                        .ingredient(4, 0.75, "cup", "sugar")
                        .ingredient(5, 2.0, "TBS", "butter")
                        .step(1, "Gather ingredients")
                        .step(2, "Pre heat oven to 350 degrees")
                        .step(3, "Slice the apples and toss with sugar and cinnamon")
                        .step(4, "Fill the crust, dot with butter and bake for 45 minutes")
                        .build());
    }

    @Test
    void readsServingsAndMakeNotesOfTheDoubledPancakesSample() {
        Make make = reader.readMake(SampleFiles.bytes("makes/pancakes.doubled.json"));

        assertThat(make.recipeId()).isEqualTo(7L);
        assertThat(make.content().servings()).isEqualTo(8.0);
        assertThat(make.notes()).isEqualTo("Doubled for guests.");
        assertThat(make.content().ingredients()).hasSize(7);
    }

    @Test
    void readsEverySampleRecipeAndMake() {
        for (String sample : new String[] {
            "recipes/apple-pie.json",
            "recipes/pancakes.json",
            "makes/apple-pie.exact.json",
            "makes/apple-pie.more-cinnamon-hotter.json",
            "makes/apple-pie.same-in-teaspoons.json",
            "makes/pancakes.doubled.json",
            "makes/pancakes.no-buttermilk.json"
        }) {
            assertThat(reader.readMake(SampleFiles.bytes(sample)).content().ingredients())
                    .as(sample)
                    .isNotEmpty();
        }
    }

    @Test
    void readsTheMakeFields() {
        Make make = reader.readMake(json("""
                {'recipeName': 'Pie', 'recipeId': 2, 'madeAt': '2026-11-29T18:30:00+01:00', 'madeBy': 'ana',
                 'notes': 'more cinnamon', 'ingredients': [], 'steps': []}"""));

        assertThat(make)
                .isEqualTo(aRecipe()
                        .id(2L)
                        .name("Pie")
                        .madeAt(OffsetDateTime.of(2026, 11, 29, 18, 30, 0, 0, ZoneOffset.ofHours(1)))
                        .madeBy("ana")
                        .notes("more cinnamon")
                        .buildMake());
    }

    @ParameterizedTest(name = "madeAt {0} is {1}")
    @CsvSource({
        "2026-11-29T18:30:00+01:00, 2026-11-29T18:30+01:00",
        "2026-11-29T17:30:00Z, 2026-11-29T17:30Z",
        "2026-11-29T18:30:00+01:00[Europe/Paris], 2026-11-29T18:30+01:00",
        "2026-11-29T17:30:00, 2026-11-29T17:30Z",
        "2026-11-29, 2026-11-29T00:00Z"
    })
    void madeAt_keeps_an_offset_and_takes_local_times_and_dates_as_utc(String written, String expected) {
        Make make = reader.readMake(json(
                "{'recipeName': 'Pie', 'recipeId': 2, 'madeAt': '" + written + "', 'ingredients': [], 'steps': []}"));

        assertThat(make.madeAt()).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void aRecipeIgnoresMakeFields() {
        Recipe recipe = reader.readRecipe(json(
                "{'recipeName': 'Pie', 'recipeId': 2, 'madeAt': 'yesterday', " + "'ingredients': [], 'steps': []}"));

        assertThat(recipe.recipeName()).isEqualTo("Pie");
    }

    @Test
    void idsInsideIngredientsAndStepsAreOptional() {
        Recipe recipe = reader.readRecipe(
                recipeWith("{'quantity': 2, 'measurement': 'cup', 'ingredientName': 'flour'}", "{'stepText': 'Mix'}"));

        assertThat(recipe.ingredients().get(0).ingredientId()).isNull();
        assertThat(recipe.steps().get(0).stepId()).isNull();
    }

    @Test
    void integerValuedDecimalsAreAcceptedAsIds() {
        Recipe recipe = reader.readRecipe(json("{'recipeName': 'T', 'recipeId': 2.0, 'ingredients': "
                + "[{'ingredientId': 3.0, 'ingredientName': 'salt'}], 'steps': [{'stepId': 1e0, 'stepText': 'x'}]}"));

        assertThat(recipe.recipeId()).isEqualTo(2L);
        assertThat(recipe.ingredients().get(0).ingredientId()).isEqualTo(3L);
        assertThat(recipe.steps().get(0).stepId()).isEqualTo(1L);
    }

    @Test
    void negativeZeroQuantityIsReadAsZero() {
        Recipe recipe = reader.readRecipe(recipeWith("{'quantity': -0.0, 'ingredientName': 'salt'}", ""));

        assertThat(Double.doubleToRawLongBits(recipe.ingredients().get(0).quantity()))
                .isEqualTo(0L);
    }

    @Test
    void quantityAndMeasurementAreOptionalAndNullMeansAbsent() {
        Recipe recipe =
                reader.readRecipe(recipeWith("{'quantity': null, 'measurement': null, 'ingredientName': 'salt'}", ""));

        assertThat(recipe.ingredients().get(0)).isEqualTo(Ingredient.of(null, null, null, "salt"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        Recipe recipe = reader.readRecipe(json("{'recipeName': 'T', 'recipeId': 1, 'cuisine': {'x': [1, 2]}, "
                + "'ingredients': [{'ingredientName': 'salt', 'brand': 'any'}], 'steps': []}"));

        assertThat(recipe.ingredients()).extracting(Ingredient::ingredientName).containsExactly("salt");
    }

    @Test
    void readsThePreparationAndTextExtensions() {
        Recipe recipe = reader.readRecipe(recipeWith(
                "{'quantity': 2, 'measurement': 'cloves', "
                        + "'ingredientName': 'garlic', 'preparation': 'minced', 'text': '2 cloves garlic, minced'}",
                ""));

        assertThat(recipe.ingredients().get(0))
                .isEqualTo(new Ingredient(null, 2.0, "cloves", "garlic", "minced", "2 cloves garlic, minced"));
    }

    @Nested
    class Rejects {

        @Test
        void missingRequiredFieldsEachWithItsPointer() {
            var rejection = rejectionOfRecipe(json("{'ingredients': [{'quantity': 1}], 'steps': [{'stepId': 1}]}"));

            assertThat(rejection.code()).isEqualTo("invalid_document");
            assertThat(rejection.problems())
                    .containsExactly(
                            new Problem("/recipeName", "is required"),
                            new Problem("/recipeId", "is required"),
                            new Problem("/ingredients/0/ingredientName", "is required"),
                            new Problem("/steps/0/stepText", "is required"));
        }

        @Test
        void missingIngredientsAndStepsArrays() {
            var rejection = rejectionOfRecipe(json("{'recipeName': 'T', 'recipeId': 1}"));

            assertThat(rejection.problems())
                    .containsExactly(new Problem("/ingredients", "is required"), new Problem("/steps", "is required"));
        }

        @Test
        void aNegativeQuantity() {
            var rejection = rejectionOfRecipe(recipeWith(
                    "{'ingredientName': 'a', 'quantity': 1}, {'ingredientName': 'b'}, {'ingredientName': 'c', 'quantity': -1}",
                    ""));

            assertThat(rejection.problems())
                    .containsExactly(new Problem("/ingredients/2/quantity", "must be a number ≥ 0"));
        }

        @Test
        void aQuantityWrittenAsAString() {
            var rejection = rejectionOfRecipe(recipeWith("{'ingredientName': 'a', 'quantity': '2'}", ""));

            assertThat(rejection.problems())
                    .containsExactly(new Problem("/ingredients/0/quantity", "must be a number ≥ 0"));
        }

        @ParameterizedTest(name = "recipeId {0}")
        @ValueSource(strings = {"0", "-3", "2.5", "'7'", "true", "99999999999999999999", "[1]", "{}"})
        void idsThatAreNotPositiveIntegers(String id) {
            var rejection = rejectionOfRecipe(
                    json("{'recipeName': 'T', 'recipeId': " + id + ", 'ingredients': [], 'steps': []}"));

            assertThat(rejection.problems()).containsExactly(new Problem("/recipeId", "must be a positive integer"));
        }

        @Test
        void duplicateIngredientAndStepIds() {
            var rejection = rejectionOfRecipe(recipeWith(
                    "{'ingredientId': 1, 'ingredientName': 'a'}, {'ingredientId': 1, 'ingredientName': 'b'}",
                    "{'stepId': 4, 'stepText': 'x'}, {'stepId': 4, 'stepText': 'y'}"));

            assertThat(rejection.problems())
                    .containsExactly(
                            new Problem(
                                    "/ingredients/1/ingredientId",
                                    "duplicate ingredientId 1 (also at /ingredients/0/ingredientId)"),
                            new Problem("/steps/1/stepId", "duplicate stepId 4 (also at /steps/0/stepId)"));
        }

        @Test
        void blankNamesAndStepTexts() {
            var rejection = rejectionOfRecipe(json("{'recipeName': ' ', 'recipeId': 1, "
                    + "'ingredients': [{'ingredientName': ''}], 'steps': [{'stepText': '\\t'}]}"));

            assertThat(rejection.problems())
                    .containsExactly(
                            new Problem("/recipeName", "must not be blank"),
                            new Problem("/ingredients/0/ingredientName", "must not be blank"),
                            new Problem("/steps/0/stepText", "must not be blank"));
        }

        @Test
        void ingredientsAndStepsThatAreNotObjects() {
            var rejection = rejectionOfRecipe(recipeWith("'flour'", "3"));

            assertThat(rejection.problems())
                    .containsExactly(
                            new Problem("/ingredients/0", "must be an object"),
                            new Problem("/steps/0", "must be an object"));
        }

        @Test
        void aDocumentThatIsNotAnObject() {
            var rejection = rejectionOfRecipe(json("42"));

            assertThat(rejection.problems()).containsExactly(new Problem("", "must be an object"));
        }

        @Test
        void aRatingBelowZeroAndServingsOfZero() {
            var rejection = rejectionOfRecipe(json("{'recipeName': 'T', 'recipeId': 1, 'rating': -1, 'servings': 0, "
                    + "'ingredients': [], 'steps': []}"));

            assertThat(rejection.problems())
                    .containsExactly(
                            new Problem("/rating", "must be a number ≥ 0"),
                            new Problem("/servings", "must be a number > 0"));
        }

        @Test
        void aMadeAtThatIsNotIso8601AndMakeFieldsOfTheWrongType() {
            var rejection = rejectionOfMake(json("{'recipeName': 'T', 'recipeId': 1, 'madeAt': '29/11/2026', "
                    + "'madeBy': 5, 'notes': ['x'], 'ingredients': [], 'steps': []}"));

            assertThat(rejection.problems())
                    .containsExactly(
                            new Problem("/madeAt", FieldReader.DATE_TIME),
                            new Problem("/madeBy", "must be a string"),
                            new Problem("/notes", "must be a string"));
        }
    }
}
