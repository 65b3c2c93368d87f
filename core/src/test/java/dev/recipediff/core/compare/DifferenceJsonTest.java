package dev.recipediff.core.compare;

import static dev.recipediff.core.testing.RecipeBuilder.aRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import org.junit.jupiter.api.Test;

/** Differences are written in the original schema's field names and read back unchanged. */
class DifferenceJsonTest {

    private final ObjectMapper json = RecipeJson.mapper();
    private final MakeComparator comparator = new MakeComparator();

    @Test
    void aQuantityChangeIsWrittenWithTheOriginalFieldNamesAndWithoutNulls() throws Exception {
        Recipe recipe = aRecipe().ingredient(3, 0.5, "TBS", "cinnamon").build();
        Make make = aRecipe().ingredient(3, 1.0, "TBS", "cinnamon").buildMake();
        Difference change =
                comparator.compare(recipe, make).differences().getFirst().withMakeId(9L);

        JsonNode written = json.readTree(json.writeValueAsString(change));

        assertThat(written.get("recipeField").asText()).isEqualTo("ingredient");
        assertThat(written.get("recipeId").asLong()).isEqualTo(1L);
        assertThat(written.get("makeId").asLong()).isEqualTo(9L);
        assertThat(written.get("ingredientId").asLong()).isEqualTo(3L);
        assertThat(written.get("ingredientField").asText()).isEqualTo("quantity");
        assertThat(written.get("change").asText()).isEqualTo("modified");
        assertThat(written.get("difference").get("recipe").asText()).isEqualTo("0.5 TBS");
        assertThat(written.get("difference").get("make").asText()).isEqualTo("1 TBS");
        assertThat(written.has("parameter")).isFalse();
        assertThat(written.has("wordChanges")).isFalse();
        assertThat(written.get("difference").has("stepId")).isFalse();
    }

    @Test
    void everyDifferenceReadsBackEqual() throws Exception {
        Recipe recipe = aRecipe()
                .rating(4.0)
                .ingredient(2.0, "cup", "flour")
                .ingredient(2.0, "cup", "buttermilk")
                .step(1, "Whisk buttermilk and flour")
                .step(2, "Bake at 350°F for 20 minutes")
                .build();
        Make make = aRecipe()
                .rating(3.5)
                .ingredient(2.0, "cup", "flour")
                .ingredient(2.0, "cup", "milk")
                .step(2, "Bake at 375°F for 20 minutes")
                .step(1, "Whisk milk and flour")
                .buildMake();
        Comparison comparison = comparator.compare(recipe, make).withMakeId(5);

        Comparison read = json.readValue(json.writeValueAsString(comparison), Comparison.class);

        assertThat(comparison.differences()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(read).isEqualTo(comparison);
    }
}
