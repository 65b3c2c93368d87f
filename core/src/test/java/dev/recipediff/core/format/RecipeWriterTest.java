package dev.recipediff.core.format;

import static dev.recipediff.core.testing.RecipeBuilder.aRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RecipeWriterTest {

    private final RecipeWriter writer = new RecipeWriter();
    private final RecipeReader reader = new RecipeReader();

    private String written(Recipe recipe) {
        return new String(writer.write(recipe), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheOriginalFieldNamesInOrderWithWholeNumbersAsIntegers() {
        Recipe recipe = aRecipe()
                .id(2L)
                .name("Apple Pie")
                .rating(4.5)
                .servings(4.0)
                .ingredient(1, 6.0, "unit", "apples")
                .ingredient(3, 0.5, "TBS", "cinnamon")
                .step(1, "Bake")
                .build();

        assertThat(written(recipe))
                .isEqualTo("{\"recipeName\":\"Apple Pie\",\"recipeId\":2,\"rating\":4.5,\"servings\":4,"
                        + "\"ingredients\":[{\"ingredientId\":1,\"quantity\":6,\"measurement\":\"unit\",\"ingredientName\":\"apples\"},"
                        + "{\"ingredientId\":3,\"quantity\":0.5,\"measurement\":\"TBS\",\"ingredientName\":\"cinnamon\"}],"
                        + "\"steps\":[{\"stepId\":1,\"stepText\":\"Bake\"}]}");
    }

    @Test
    void leavesOutAbsentValues() {
        Recipe recipe = aRecipe()
                .id(null)
                .name("Soup")
                .ingredient(null, null, "salt")
                .step("Stir")
                .build();

        assertThat(written(recipe))
                .isEqualTo("{\"recipeName\":\"Soup\",\"ingredients\":[{\"ingredientName\":\"salt\"}],"
                        + "\"steps\":[{\"stepText\":\"Stir\"}]}");
    }

    @Test
    void writesPreparationAndTextWhenPresent() {
        Recipe recipe = aRecipe()
                .ingredient(new Ingredient(null, 2.0, "cloves", "garlic", "minced", "2 cloves garlic, minced"))
                .build();

        assertThat(written(recipe))
                .contains("{\"quantity\":2,\"measurement\":\"cloves\",\"ingredientName\":\"garlic\","
                        + "\"preparation\":\"minced\",\"text\":\"2 cloves garlic, minced\"}");
    }

    @Test
    void writesMakeFieldsAfterTheRecipeFields() {
        Make make = aRecipe()
                .id(7L)
                .name("Pancakes")
                .madeAt(OffsetDateTime.parse("2026-11-29T18:30:00+01:00"))
                .madeBy("ana")
                .notes("doubled")
                .buildMake();

        assertThat(new String(writer.write(make), StandardCharsets.UTF_8))
                .isEqualTo("{\"recipeName\":\"Pancakes\","
                        + "\"recipeId\":7,\"madeAt\":\"2026-11-29T18:30:00+01:00\",\"madeBy\":\"ana\",\"notes\":\"doubled\","
                        + "\"ingredients\":[],\"steps\":[]}");
    }

    @Test
    void aJsonLdRecipeGivenAnIdIsWrittenInTheOriginalFormatAndReadsBackEqual() {
        Recipe shakshuka =
                reader.readRecipe(SampleFiles.bytes("recipes/shakshuka.jsonld")).withRecipeId(12L);

        byte[] written = writer.write(shakshuka);

        assertThat(new String(written, StandardCharsets.UTF_8))
                .startsWith(
                        "{\"recipeName\":\"Shakshuka\",\"recipeId\":12,\"rating\":4.7,"
                                + "\"servings\":4,\"yieldText\":\"4 servings\",\"ingredients\":[{\"quantity\":2,\"measurement\":\"tablespoons\"");
        assertThat(reader.readRecipe(written)).isEqualTo(shakshuka);
    }

    @Test
    void everySampleMakeReadsBackEqual() {
        for (String sample : new String[] {
            "makes/apple-pie.more-cinnamon-hotter.json",
            "makes/pancakes.no-buttermilk.json",
            "makes/pancakes.doubled.json"
        }) {
            Make make = reader.readMake(SampleFiles.bytes(sample));

            assertThat(reader.readMake(writer.write(make))).as(sample).isEqualTo(make);
        }
    }

    @Test
    void hugeWholeNumbersStayExact() {
        Recipe recipe = aRecipe().ingredient(1, 1e20, "g", "flour").build();

        assertThat(written(recipe)).contains("\"quantity\":1.0E20");
        assertThat(reader.readRecipe(writer.write(recipe))).isEqualTo(recipe);
    }
}
