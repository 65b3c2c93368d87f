package dev.recipediff.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngredientNamesTest {

    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource({
        "pieCrust, pie crust",
        "Pie  Crust, pie crust",
        "apples, apple",
        "eggs, egg",
        "berries, berry",
        "tomatoes, tomato",
        "peaches, peach",
        "Baking-Powder, baking powder",
        "molasses, molasses",
        "asparagus, asparagus",
        "glass, glass",
        "Melted butter, melted butter"
    })
    void namesAreNormalised(String written, String normalised) {
        assertThat(IngredientNames.normalize(written)).isEqualTo(normalised);
    }
}
