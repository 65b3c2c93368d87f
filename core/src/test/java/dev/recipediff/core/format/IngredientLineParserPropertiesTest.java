package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IngredientLineParserPropertiesTest {

    private final IngredientLineParser parser = new IngredientLineParser();

    @Property(tries = 1000)
    void anyNonBlankLineGivesANamedIngredientWithAFiniteQuantityAndKeepsTheLine(@ForAll("lines") String line) {
        Ingredient ingredient = parser.parse(line);

        assertThat(ingredient.text()).isEqualTo(line);
        assertThat(ingredient.ingredientName()).isNotBlank();
        if (ingredient.quantity() != null) {
            assertThat(ingredient.quantity()).isFinite().isGreaterThanOrEqualTo(0.0);
        }
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> words = Arbitraries.of(
                "1",
                "2",
                "1/2",
                "0/0",
                "1/0",
                "½",
                "1½",
                "¾",
                "-",
                "–",
                "to",
                "or",
                "a",
                "an",
                "of",
                "cup",
                "T",
                "t",
                "tsp.",
                "fl",
                "oz",
                "large",
                "(28-ounce)",
                "(",
                ")",
                ",",
                "to taste",
                "salt",
                "eggs",
                "999999999999999999999999",
                ".",
                ".5",
                "1.5",
                "3-4",
                "1-1/2",
                " ");
        return words.list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(parts -> String.join(" ", parts))
                .filter(s -> !s.isBlank());
    }
}
