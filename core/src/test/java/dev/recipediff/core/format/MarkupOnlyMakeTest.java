package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import org.junit.jupiter.api.Test;

/** End to end, reader and comparator: a make that only changes how the text is encoded is made exactly. */
class MarkupOnlyMakeTest {

    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();

    private static final String RECIPE = "{'@context': 'https://schema.org', '@type': 'Recipe', 'recipeId': 4, "
            + "'name': 'Fast &amp; Easy Icing', 'recipeYield': '12', "
            + "'recipeIngredient': ['2 cups confectioners&#39; sugar', '3 tbsp milk'], "
            + "'recipeInstructions': [{'@type': 'HowToStep', 'text': '<p>Sift the sugar&nbsp;&nbsp;into a bowl.</p>'}, "
            + "{'@type': 'HowToStep', 'text': 'Whisk in the milk &amp;amp; serve.'}]}";

    @Test
    void aJsonLdMakeWhoseOnlyChangeIsTheEntitiesIsExact() {
        Recipe recipe = reader.readRecipe(json(RECIPE));
        Make make = reader.readMake(json(RECIPE.replace("&#39;", "\\u0027")
                .replace("&amp;amp;", "&")
                .replace("<p>", "")
                .replace("</p>", "")
                .replace("&nbsp;&nbsp;", " ")));

        Comparison comparison = comparator.compare(recipe, make);

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.exact()).isTrue();
    }

    @Test
    void anOriginalFormatMakeWrittenWithEntitiesIsExact() {
        Recipe recipe = reader.readRecipe(json(RECIPE));
        Make make = reader.readMake(
                json(
                        "{'recipeName': 'Fast & Easy Icing', 'recipeId': 4, 'servings': 12, "
                                + "'ingredients': [{'quantity': 2, 'measurement': 'cups', 'ingredientName': 'confectioners&#x27; sugar'}, "
                                + "{'quantity': 3, 'measurement': 'tbsp', 'ingredientName': 'milk'}], "
                                + "'steps': [{'stepText': 'Sift the sugar into a bowl.'}, {'stepText': 'Whisk in the milk &amp; serve.'}]}"));

        Comparison comparison = comparator.compare(recipe, make);

        assertThat(comparison.differences()).isEmpty();
    }
}
