package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.json;
import static dev.recipediff.core.format.Documents.rejectionOfRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * schema.org Recipe JSON-LD as recipe websites really publish it (documents written for these tests, shaped like
 * the pages' own): lenient where browsers are, text cleaned, instructions split into the steps a cook reads.
 */
class WebJsonLdReaderTest {

    private final RecipeReader reader = new RecipeReader();

    /** A Recipe node with a name and one ingredient plus {@code fields} (single quotes for double quotes). */
    private static byte[] recipe(String fields) {
        return json("{'@context': 'https://schema.org', '@type': 'Recipe', 'name': 'Stew', "
                + "'recipeIngredient': ['1 onion'], " + fields + "}");
    }

    private static byte[] raw(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }

    private static String[] stepTexts(Recipe recipe) {
        return recipe.steps().stream().map(Step::stepText).toArray(String[]::new);
    }

    // --- lenient JSON, still bounded

    @Test
    void rawControlCharactersInsideStringsAreRead() {
        byte[] document = raw("{\"@type\": \"Recipe\", \"name\": \"Stew\r\n\", \"recipeIngredient\": [\"1\tonion\"],"
                + " \"recipeInstructions\": \"Chop the onion.\nFry it.\r\nAdd water.\"}");

        Recipe recipe = reader.readRecipe(document);

        assertThat(recipe.recipeName()).isEqualTo("Stew");
        assertThat(recipe.ingredients()).extracting(Ingredient::text).containsExactly("1 onion");
        assertThat(stepTexts(recipe)).containsExactly("Chop the onion.", "Fry it.", "Add water.");
    }

    @Test
    void aDuplicatedKeyKeepsItsLastValueAsInJavaScript() {
        byte[] document = json("{'@type': 'Recipe', 'name': 'Draft', 'description': 'a', 'description': 'b', "
                + "'name': 'Stew', 'recipeIngredient': ['1 onion']}");

        assertThat(reader.readRecipe(document).recipeName()).isEqualTo("Stew");
    }

    @Test
    void aDuplicatedKeyInTheOriginalFormatIsStillRefused() {
        byte[] document = json("{'recipeName': 'A', 'recipeName': 'B', 'recipeId': 1, 'servings': 2, "
                + "'ingredients': [], 'steps': []}");

        assertThat(rejectionOfRecipe(document).problems())
                .containsExactly(new Problem("/recipeName", JsonTreeParser.DUPLICATE_KEY));
    }

    @Test
    void theOriginalFormatStaysStrictJson() {
        byte[] controlCharacter = raw("{\"recipeName\": \"Pan\u0007cakes\", \"recipeId\": 1, \"servings\": 2, "
                + "\"ingredients\": [], \"steps\": []}");
        byte[] comment = raw("{\"recipeName\": \"Pancakes\", /* id */ \"recipeId\": 1, \"servings\": 2, "
                + "\"ingredients\": [], \"steps\": []}");

        assertThat(rejectionOfRecipe(controlCharacter).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.pointer()).isEqualTo("/recipeName");
                    assertThat(problem.problem()).startsWith("invalid JSON (line 1, column");
                });
        assertThat(rejectionOfRecipe(comment).code()).isEqualTo("invalid_json");
    }

    @Test
    void aSlashInsideAStringIsNoComment() {
        byte[] document = json("{'recipeName': 'Half/half', 'recipeId': 1, 'servings': 2, 'ingredients': [], "
                + "'steps': [{'stepText': 'See https://example.org/a // b'}]}");

        assertThat(reader.readRecipe(document).recipeName()).isEqualTo("Half/half");
    }

    @Test
    void commentsAreSkipped() {
        byte[] document = raw("/* recipe card */ {\"@type\": \"Recipe\", // generated\n \"name\": \"Stew\","
                + " \"recipeIngredient\": [\"1 onion\"]}");

        assertThat(reader.readRecipe(document).recipeName()).isEqualTo("Stew");
    }

    @Test
    void truncatedJsonIsStillRefusedWithWhereAndWhy() {
        var rejection = rejectionOfRecipe(json("{'@type': 'Recipe', 'name': 'Stew', 'recipeIngredient': ['1 on"));

        assertThat(rejection.code()).isEqualTo("invalid_json");
        assertThat(rejection.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo("/recipeIngredient/0");
            assertThat(problem.problem()).contains("line 1").contains("truncated");
        });
    }

    @Test
    void ingredientGroupsCountTowardsTheIngredientLimit() {
        String group = "['1 egg'" + ", '1 egg'".repeat(250) + "]";
        var rejection = rejectionOfRecipe(
                json("{'@type': 'Recipe', 'name': 'Omelette', 'recipeIngredient': [" + group + ", " + group + "]}"));

        assertThat(rejection.problems()).extracting(Problem::problem).anySatisfy(problem -> assertThat(problem)
                .startsWith("too many ingredients"));
    }

    @Test
    void aDocumentWithoutAnyRecipeIsRefused() {
        var rejection = rejectionOfRecipe(json("{'@context': 'https://schema.org', '@graph': [{'@type': 'WebPage', "
                + "'mainEntity': {'@type': 'Article', 'name': 'Ten stews'}}]}"));

        assertThat(rejection.problems())
                .extracting(Problem::problem)
                .containsExactly("no schema.org Recipe found (a JSON-LD node with \"@type\": \"Recipe\")");
    }

    // --- where the Recipe is

    @Test
    void theRecipeIsFoundInTheGraphTypedAsAnArray() {
        byte[] document = json("{'@context': 'https://schema.org', '@graph': [{'@type': 'WebSite', 'name': 'Site'}, "
                + "{'@type': ['Recipe', 'NewsArticle'], 'name': 'Stew', 'recipeIngredient': ['1 onion']}]}");

        assertThat(reader.readRecipe(document).recipeName()).isEqualTo("Stew");
    }

    @Test
    void theRecipeIsFoundUnderAnotherNode() {
        byte[] document = json("{'@context': 'https://schema.org', '@type': 'WebPage', 'name': 'Page', "
                + "'mainEntity': {'@type': 'Recipe', 'name': 'Stew', 'recipeIngredient': ['1 onion']}}");

        Recipe recipe = reader.readRecipe(document);

        assertThat(recipe.recipeName()).isEqualTo("Stew");
    }

    @Test
    void problemsPointToTheNestedRecipe() {
        var rejection = rejectionOfRecipe(json("[{'@type': 'WebPage', 'mainEntity': {'@type': 'Recipe'}}]"));

        assertThat(rejection.problems()).containsExactly(new Problem("/0/mainEntity/name", "is required"));
    }

    @Test
    void aRecipeWithANameOnlyIsReadWithNoIngredientsAndNoSteps() {
        Recipe recipe = reader.readRecipe(json("{'@type': 'Recipe', 'name': 'Stew', 'description': 'See the video'}"));

        assertThat(recipe.ingredients()).isEmpty();
        assertThat(recipe.steps()).isEmpty();
    }

    // --- ingredients

    @Test
    void ingredientsGivenAsObjectsAreRead() {
        Recipe recipe = reader.readRecipe(json("{'@type': 'Recipe', 'name': 'Stew', 'recipeIngredient': ["
                + "{'@type': 'HowToSupply', 'name': 'carrots', 'requiredQuantity': {'@type': 'QuantitativeValue', "
                + "'value': 2, 'unitText': 'cups'}}, "
                + "{'@type': 'PropertyValue', 'name': 'salt', 'value': '1 tsp'}, "
                + "{'text': '3 cloves garlic'}, "
                + "{'name': 'pepper'}]}"));

        assertThat(recipe.ingredients())
                .extracting(Ingredient::text)
                .containsExactly("2 cups carrots", "1 tsp salt", "3 cloves garlic", "pepper");
    }

    @Test
    void ingredientGroupsAreFlattenedAndEmptyEntriesSkipped() {
        Recipe recipe = reader.readRecipe(json("{'@type': 'Recipe', 'name': 'Stew', 'recipeIngredient': ["
                + "['1 onion', '2 carrots'], null, '', '<p></p>', ['1 l stock']]}"));

        assertThat(recipe.ingredients())
                .extracting(Ingredient::text)
                .containsExactly("1 onion", "2 carrots", "1 l stock");
    }

    @Test
    void oneStringHoldingSeveralLinesGivesOneIngredientPerLine() {
        Recipe recipe = reader.readRecipe(json(
                "{'@type': 'Recipe', 'name': 'Stew', " + "'recipeIngredient': '1 onion<br>2 carrots\\n1 l stock'}"));

        assertThat(recipe.ingredients())
                .extracting(Ingredient::text)
                .containsExactly("1 onion", "2 carrots", "1 l stock");
    }

    // --- text as a reader sees it

    @Test
    void everyTextFieldIsDecodedAndStrippedOfTags() {
        Recipe recipe = reader.readRecipe(
                json(
                        "{'@type': 'Recipe', 'name': 'Fast &amp; Easy Stew', "
                                + "'recipeYield': '4&nbsp;bowls', "
                                + "'recipeIngredient': ['1 cup confectioners&#39; sugar', '&frac12; cup <strong>water</strong>'], "
                                + "'recipeInstructions': [{'@type': 'HowToSection', 'name': 'For the &lt;i&gt;stew&lt;/i&gt;', "
                                + "'itemListElement': [{'@type': 'HowToStep', 'text': '<p>Cut &amp;amp; fry &#8212; don&#x27;t burn.</p>'}]}]}"));

        assertThat(recipe.recipeName()).isEqualTo("Fast & Easy Stew");
        assertThat(recipe.yieldText()).isEqualTo("4 bowls");
        assertThat(recipe.ingredients())
                .extracting(Ingredient::text)
                .containsExactly("1 cup confectioners' sugar", "½ cup water");
        assertThat(recipe.ingredients().get(0).ingredientName()).isEqualTo("confectioners' sugar");
        assertThat(recipe.steps()).containsExactly(new Step(null, "Cut & fry — don't burn.", "For the stew"));
    }

    @Test
    void theOriginalFormatIsReadAsAReaderSeesItToo() {
        byte[] document = json("{'recipeName': 'Fast &amp; Easy', 'recipeId': 3, 'servings': 2, "
                + "'ingredients': [{'ingredientName': 'confectioners&#39; sugar', 'quantity': 1, 'measurement': 'cup'}], "
                + "'steps': [{'stepText': '<p>Sift  it.</p>', 'section': 'For the  icing'}]}");

        Recipe recipe = reader.readRecipe(document);

        assertThat(recipe.recipeName()).isEqualTo("Fast & Easy");
        assertThat(recipe.ingredients()).extracting(Ingredient::ingredientName).containsExactly("confectioners' sugar");
        assertThat(recipe.steps()).containsExactly(new Step(null, "Sift it.", "For the icing"));
    }

    @Test
    void aRequiredTextThatIsOnlyMarkupIsBlank() {
        var rejection = rejectionOfRecipe(json("{'@type': 'Recipe', 'name': '<b> </b>&nbsp;'}"));

        assertThat(rejection.problems()).containsExactly(new Problem("/name", FieldReader.NOT_BLANK));
    }

    // --- steps

    @Test
    void oneStringWithNumberedLinesIsSplitIntoItsSteps() {
        Recipe recipe = reader.readRecipe(
                recipe("'recipeInstructions': '1. Chop the onion.\\n2) Fry it.\\n" + "Step 3: Add the stock.'"));

        assertThat(stepTexts(recipe)).containsExactly("Chop the onion.", "Fry it.", "Add the stock.");
    }

    @Test
    void stepsNumberedInsideOneLineAreSplit() {
        Recipe recipe = reader.readRecipe(recipe("'recipeInstructions': 'You need a big pot. 1. Chop the onion "
                + "into 2 cm dice. 2. Fry it for 5 min.3. Add 1.5 l stock.'"));

        assertThat(stepTexts(recipe))
                .containsExactly(
                        "You need a big pot.",
                        "Chop the onion into 2 cm dice.",
                        "Fry it for 5 min.",
                        "Add 1.5 l stock.");
    }

    @Test
    void numbersOutOfSequenceDoNotSplitAStep() {
        Recipe recipe =
                reader.readRecipe(recipe("'recipeInstructions': 'Simmer for 20 min. 2. is enough for 4 people.'"));

        assertThat(stepTexts(recipe)).containsExactly("Simmer for 20 min. 2. is enough for 4 people.");
    }

    @Test
    void labelsOnTheirOwnLineAreNotSteps() {
        Recipe recipe = reader.readRecipe(
                recipe("'recipeInstructions': '<p>Step 1</p><p>Chop the onion.</p>" + "<p>Step 2</p><p>Fry it.</p>'"));

        assertThat(stepTexts(recipe)).containsExactly("Chop the onion.", "Fry it.");
    }

    @Test
    void paragraphsAndListItemsOfOneStringAreSteps() {
        Recipe recipe = reader.readRecipe(
                recipe("'recipeInstructions': ['<ol><li>Chop the onion.</li>" + "<li>Fry it.</li></ol>']"));

        assertThat(stepTexts(recipe)).containsExactly("Chop the onion.", "Fry it.");
    }

    @Test
    void sentencesGluedWherethePageHadAParagraphAreTwoSteps() {
        Recipe recipe = reader.readRecipe(recipe("'recipeInstructions': 'Heat the oil in a pan (a large one).Fry "
                + "the onion until soft.Add the stock. Simmer.'"));

        assertThat(stepTexts(recipe))
                .containsExactly(
                        "Heat the oil in a pan (a large one).", "Fry the onion until soft.", "Add the stock. Simmer.");
    }

    @Test
    void aHowToStepStaysOneStepUnlessItNumbersSeveral() {
        Recipe recipe = reader.readRecipe(recipe("'recipeInstructions': ["
                + "{'@type': 'HowToStep', 'text': 'Chop the onion.\\n\\nTake your time.'}, "
                + "{'@type': 'HowToStep', 'text': '1. Fry it. 2. Add the stock.'}, "
                + "{'@type': 'HowToStep', 'text': '* Season. * Serve hot.'}]"));

        assertThat(stepTexts(recipe))
                .containsExactly(
                        "Chop the onion. Take your time.", "Fry it.", "Add the stock.", "Season.", "Serve hot.");
    }

    @Test
    void sectionNamesAreTheSectionOfTheirStepsNotSteps() {
        Recipe recipe = reader.readRecipe(recipe("'recipeInstructions': ["
                + "{'@type': 'HowToSection', 'name': 'For the sauce', 'itemListElement': ["
                + "{'@type': 'HowToStep', 'text': 'Melt the butter.'}, {'@type': 'HowToStep', 'text': 'Whisk in flour.'}]}, "
                + "{'@type': 'HowToSection', 'name': 'To serve', 'ItemListElement': ["
                + "{'@type': 'HowToStep', 'text': 'Pour over.'}]}, "
                + "{'@type': 'HowToSection', 'name': 'Notes'}]"));

        assertThat(recipe.steps())
                .containsExactly(
                        new Step(null, "Melt the butter.", "For the sauce"),
                        new Step(null, "Whisk in flour.", "For the sauce"),
                        new Step(null, "Pour over.", "To serve"));
    }

    // --- yield

    @ParameterizedTest(name = "recipeYield {0} → {1} and \"{2}\"")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'8-10' | 8 | 8-10",
                "'Serves 4 to 6' | 4 | Serves 4 to 6",
                "['4', '4 servings'] | 4 | 4 servings",
                "'24&nbsp;cookies' | 24 | 24 cookies"
            })
    void aYieldKeepsItsWholeTextNextToTheNumberUsed(String yield, double servings, String text) {
        Recipe recipe = reader.readRecipe(recipe("'recipeYield': " + yield));

        assertThat(recipe.servings()).isEqualTo(servings);
        assertThat(recipe.yieldText()).isEqualTo(text);
    }

    @Test
    void aNumericYieldHasNoText() {
        Recipe recipe = reader.readRecipe(recipe("'recipeYield': 6"));

        assertThat(recipe.servings()).isEqualTo(6.0);
        assertThat(recipe.yieldText()).isNull();
    }

    @Test
    void theYieldTextAndSectionsAreWrittenAndReadBack() {
        Recipe recipe = reader.readRecipe(recipe("'recipeYield': '8-10', 'recipeInstructions': [{'@type': "
                        + "'HowToSection', 'name': 'Sauce', 'itemListElement': ['Stir.']}]"))
                .withRecipeId(5L);

        Recipe again = reader.readRecipe(new RecipeWriter().write(recipe));

        assertThat(again).isEqualTo(recipe);
        assertThat(again.steps()).containsExactly(new Step(null, "Stir.", "Sauce"));
    }
}
