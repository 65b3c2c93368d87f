package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.json;
import static dev.recipediff.core.format.Documents.rejectionOfRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import dev.recipediff.core.testing.SampleFiles;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** schema.org Recipe JSON-LD, as recipe websites embed it, read through {@link RecipeReader}. */
class SchemaOrgRecipeReaderTest {

    private final RecipeReader reader = new RecipeReader();

    private static byte[] ld(String recipeFields) {
        return json("{'@context': 'https://schema.org', '@type': 'Recipe', 'name': 'Soup', "
                + "'recipeIngredient': ['1 cup water'], " + recipeFields + "}");
    }

    @Test
    void readsTheShakshukaSample() {
        Recipe recipe = reader.readRecipe(SampleFiles.bytes("recipes/shakshuka.jsonld"));

        assertThat(recipe.recipeId()).isNull();
        assertThat(recipe.recipeName()).isEqualTo("Shakshuka");
        assertThat(recipe.servings()).isEqualTo(4.0);
        assertThat(recipe.rating()).isEqualTo(4.7);
        assertThat(recipe.ingredients())
                .containsExactly(
                        new Ingredient(null, 2.0, "tablespoons", "olive oil", null, "2 tablespoons olive oil"),
                        new Ingredient(null, 1.0, "unit", "onion", "medium, diced", "1 medium onion, diced"),
                        new Ingredient(null, 2.0, "cloves", "garlic", "minced", "2 cloves garlic, minced"),
                        new Ingredient(null, 1.5, "teaspoons", "ground cumin", null, "1 1/2 teaspoons ground cumin"),
                        new Ingredient(null, 0.5, "tsp", "chili flakes", null, "½ tsp chili flakes"),
                        new Ingredient(
                                null,
                                1.0,
                                "can",
                                "whole peeled tomatoes",
                                "28-ounce",
                                "1 (28-ounce) can whole peeled tomatoes"),
                        new Ingredient(null, 6.0, "unit", "eggs", "large", "6 large eggs"),
                        new Ingredient(null, null, null, "salt", "to taste", "salt to taste"));
        assertThat(recipe.steps())
                .extracting(Step::stepText)
                .containsExactly(
                        "Heat the oil in a large skillet over medium heat and cook the onion for 5 minutes.",
                        "Add garlic, cumin and chili flakes; cook 1 minute.",
                        "Add tomatoes, crush them, and simmer for 10 minutes.",
                        "Make wells, crack in the eggs, cover and cook 6 to 8 minutes.");
        assertThat(recipe.steps()).extracting(Step::stepId).containsOnlyNulls();
    }

    @Test
    void findsTheRecipeInsideAGraph() {
        Recipe recipe = reader.readRecipe(json("{'@context': 'https://schema.org', '@graph': ["
                + "{'@type': 'WebPage', 'name': 'page'}, {'@type': ['Recipe', 'NewsArticle'], 'name': 'Soup', "
                + "'recipeIngredient': ['1 cup water']}]}"));

        assertThat(recipe.recipeName()).isEqualTo("Soup");
    }

    @Test
    void findsTheRecipeInATopLevelArray() {
        Recipe recipe = reader.readRecipe(json("[{'@type': 'BreadcrumbList'}, {'@context': 'https://schema.org', "
                + "'@type': 'Recipe', 'name': 'Soup', 'recipeIngredient': ['1 cup water']}]"));

        assertThat(recipe.recipeName()).isEqualTo("Soup");
    }

    @Test
    void aDocumentWithoutARecipeNodeIsRejected() {
        var rejection = rejectionOfRecipe(json("{'@context': 'https://schema.org', '@type': 'WebPage'}"));

        assertThat(rejection.problems())
                .containsExactly(
                        new Problem("", "no schema.org Recipe found (a JSON-LD node with \"@type\": \"Recipe\")"));
    }

    @Test
    void problemsPointIntoTheGraph() {
        var rejection = rejectionOfRecipe(json("{'@graph': [{'@type': 'WebPage'}, {'@type': 'Recipe', "
                + "'recipeIngredient': ['1 egg', true, {'@type': 'HowToSupply'}]}]}"));

        assertThat(rejection.problems())
                .containsExactly(
                        new Problem("/@graph/1/name", "is required"),
                        new Problem(
                                "/@graph/1/recipeIngredient/1",
                                "must be an ingredient: a string, or an object with a text or name"),
                        new Problem(
                                "/@graph/1/recipeIngredient/2",
                                "must be an ingredient: a string, or an object with a text or name"));
    }

    @Test
    void theSupersededIngredientsPropertyIsReadWhenRecipeIngredientIsAbsent() {
        Recipe recipe = reader.readRecipe(json("{'@type': 'Recipe', 'name': 'Soup', 'ingredients': ['2 cups water']}"));

        assertThat(recipe.ingredients()).extracting(Ingredient::quantity).containsExactly(2.0);
    }

    @Test
    void aRecipeWithoutRecipeIngredientIsReadWithNoIngredients() {
        Recipe recipe = reader.readRecipe(json("{'@type': 'Recipe', 'name': 'Soup', 'recipeInstructions': 'Simmer.'}"));

        assertThat(recipe.ingredients()).isEmpty();
        assertThat(recipe.steps()).extracting(Step::stepText).containsExactly("Simmer.");
    }

    @ParameterizedTest(name = "recipeYield {0} → {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'4 servings' | 4",
                "4 | 4",
                "['4', '4 servings'] | 4",
                "'Makes 12 pancakes' | 12",
                "['a dozen', '12'] | 12",
                "'2.5' | 2.5"
            })
    void servingsComeFromRecipeYield(String yield, double servings) {
        assertThat(reader.readRecipe(ld("'recipeYield': " + yield)).servings()).isEqualTo(servings);
    }

    @Test
    void aYieldWithoutANumberIsIgnored() {
        assertThat(reader.readRecipe(ld("'recipeYield': 'one loaf'")).servings())
                .isNull();
    }

    @ParameterizedTest(name = "ratingValue {0} → {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"'4.7' | 4.7", "4.7 | 4.7", "5 | 5"})
    void ratingComesFromAggregateRatingAsAStringOrANumber(String value, double rating) {
        assertThat(reader.readRecipe(
                                ld("'aggregateRating': {'@type': 'AggregateRating', 'ratingValue': " + value + "}"))
                        .rating())
                .isEqualTo(rating);
    }

    @Test
    void instructionsAsOneStringAreOneStepPerLine() {
        Recipe recipe = reader.readRecipe(json("{'@type': 'Recipe', 'name': 'Soup', 'recipeIngredient': '1 cup water', "
                + "'recipeInstructions': 'Boil the water.\\n\\nServe.'}"));

        assertThat(recipe.steps()).extracting(Step::stepText).containsExactly("Boil the water.", "Serve.");
        assertThat(recipe.ingredients()).extracting(Ingredient::ingredientName).containsExactly("water");
    }

    @Test
    void instructionsAsStrings() {
        Recipe recipe = reader.readRecipe(ld("'recipeInstructions': ['Boil.', 'Serve.']"));

        assertThat(recipe.steps()).containsExactly(new Step(null, "Boil."), new Step(null, "Serve."));
    }

    @Test
    void howToSectionsAreFlattenedInOrderAndAStepWithoutTextUsesItsName() {
        Recipe recipe = reader.readRecipe(ld("""
                'recipeInstructions': [
                  {'@type': 'HowToSection', 'name': 'Base', 'itemListElement': [
                    {'@type': 'HowToStep', 'text': 'Chop.'}, {'@type': 'HowToStep', 'name': 'Fry.'}]},
                  {'@type': 'HowToStep', 'text': 'Simmer.'},
                  {'@type': 'HowToSection', 'name': 'Finish', 'itemListElement': [
                    {'@type': 'HowToSection', 'itemListElement': [{'@type': 'HowToStep', 'text': 'Serve.'}]}]}]"""));

        assertThat(recipe.steps()).extracting(Step::stepText).containsExactly("Chop.", "Fry.", "Simmer.", "Serve.");
    }

    @Test
    void anInstructionOfTheWrongShapeIsReportedWithItsPointer() {
        var rejection = rejectionOfRecipe(ld("'recipeInstructions': ['Boil.', 5, {'@type': 'HowToStep'}]"));

        assertThat(rejection.problems())
                .containsExactly(
                        new Problem("/recipeInstructions/1", "must be a string, a HowToStep or a HowToSection"),
                        new Problem(
                                "/recipeInstructions/2",
                                "must be a HowToStep with a text or name, a HowToSection or a string"));
    }

    @ParameterizedTest(name = "{0} → recipeId {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'identifier': 12 | 12",
                "'identifier': '12' | 12",
                "'identifier': {'@type': 'PropertyValue', 'value': '12'} | 12",
                "'recipeId': 12 | 12",
                "'identifier': 'abc-12' | ",
                "'identifier': -4 | "
            })
    void theRecipeIdComesFromIdentifierOrTheRecipeIdExtension(String fields, Long id) {
        assertThat(reader.readRecipe(ld(fields)).recipeId()).isEqualTo(id);
    }

    @Test
    void aMakeInJsonLdReadsTheMakeExtensionFields() {
        Make make = reader.readMake(ld("'madeAt': '2026-11-29T18:00:00Z', 'madeBy': 'ana', 'notes': 'good'"));

        assertThat(make.madeAt()).isEqualTo(OffsetDateTime.parse("2026-11-29T18:00:00Z"));
        assertThat(make.madeBy()).isEqualTo("ana");
        assertThat(make.notes()).isEqualTo("good");
        assertThat(make.content().recipeName()).isEqualTo("Soup");
    }

    @Test
    void moreThan500IngredientLines() {
        String lines = String.join(",", java.util.Collections.nCopies(501, "'1 egg'"));

        var rejection =
                rejectionOfRecipe(json("{'@type': 'Recipe', 'name': 'Soup', 'recipeIngredient': [" + lines + "]}"));

        assertThat(rejection.problems())
                .containsExactly(new Problem("/recipeIngredient", "too many ingredients: 501 (at most 500)"));
    }
}
