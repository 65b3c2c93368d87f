package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Ingredient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngredientLineParserTest {

    private final IngredientLineParser parser = new IngredientLineParser();

    private Ingredient parse(String line) {
        return parser.parse(line);
    }

    @Test
    void aMixedNumberWithAUnitWord() {
        assertThat(parse("1 1/2 teaspoons ground cumin"))
                .isEqualTo(
                        new Ingredient(null, 1.5, "teaspoons", "ground cumin", null, "1 1/2 teaspoons ground cumin"));
    }

    @Test
    void aUnicodeFraction() {
        assertThat(parse("½ tsp chili flakes"))
                .isEqualTo(new Ingredient(null, 0.5, "tsp", "chili flakes", null, "½ tsp chili flakes"));
    }

    @Test
    void aParenthesisedSizeGoesToThePreparation() {
        assertThat(parse("1 (28-ounce) can whole peeled tomatoes"))
                .isEqualTo(new Ingredient(
                        null,
                        1.0,
                        "can",
                        "whole peeled tomatoes",
                        "28-ounce",
                        "1 (28-ounce) can whole peeled tomatoes"));
    }

    @Test
    void textAfterACommaIsThePreparation() {
        assertThat(parse("2 cloves garlic, minced"))
                .isEqualTo(new Ingredient(null, 2.0, "cloves", "garlic", "minced", "2 cloves garlic, minced"));
    }

    @Test
    void aCountWithoutAUnitWordIsMeasuredInUnitsAndItsSizeIsAPreparation() {
        assertThat(parse("6 large eggs")).isEqualTo(new Ingredient(null, 6.0, "unit", "eggs", "large", "6 large eggs"));
    }

    @Test
    void sizeComesBeforeTheCommaPreparation() {
        assertThat(parse("1 medium onion, diced"))
                .isEqualTo(new Ingredient(null, 1.0, "unit", "onion", "medium, diced", "1 medium onion, diced"));
    }

    @Test
    void saltToTasteHasNoQuantity() {
        assertThat(parse("salt to taste"))
                .isEqualTo(new Ingredient(null, null, null, "salt", "to taste", "salt to taste"));
    }

    @Test
    void aPinchOfIsOnePinch() {
        assertThat(parse("a pinch of salt"))
                .isEqualTo(new Ingredient(null, 1.0, "pinch", "salt", null, "a pinch of salt"));
    }

    @Test
    void aBareUnitWordFollowedByOfIsOneOfIt() {
        assertThat(parse("Dash of hot sauce"))
                .isEqualTo(new Ingredient(null, 1.0, "Dash", "hot sauce", null, "Dash of hot sauce"));
    }

    @Test
    void aUnitWordThatStartsANameIsPartOfTheName() {
        assertThat(parse("whole milk")).isEqualTo(new Ingredient(null, null, null, "whole milk", null, "whole milk"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "6 to 8 eggs | 6",
                "2-3 cups flour | 2",
                "2–3 cups flour | 2",
                "2 or 3 carrots | 2",
                "1-1/2 cups milk | 1.5",
                "1/4-1/2 teaspoon salt | 0.25",
                "1½ cups sugar | 1.5",
                "1 ½ cups sugar | 1.5",
                "¼ cup oil | 0.25",
                "¾ cup oil | 0.75",
                "⅓ cup oil | 0.3333333333333333",
                "⅔ cup oil | 0.6666666666666666",
                "⅛ tsp nutmeg | 0.125",
                "1.25 cups water | 1.25",
                ".5 cup water | 0.5",
                "500g flour | 500",
                "0 eggs | 0"
            })
    void quantitiesFractionsDecimalsAndRangesTakeTheLowerBound(String line, double quantity) {
        assertThat(parse(line).quantity()).isEqualTo(quantity);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 tsp x | tsp",
                "1 teaspoon x | teaspoon",
                "2 Teaspoons x | Teaspoons",
                "1 t x | tsp",
                "1 tbsp x | tbsp",
                "1 Tbsp. x | Tbsp",
                "1 tablespoon x | tablespoon",
                "1 T x | T",
                "1 TBS x | TBS",
                "1 cup x | cup",
                "2 Cups x | Cups",
                "1 fl oz x | fl oz",
                "1 fl. oz x | fl. oz",
                "100 ml x | ml",
                "1 l x | l",
                "1 liter x | liter",
                "1 pint x | pint",
                "1 quart x | quart",
                "1 gallon x | gallon",
                "5 g x | g",
                "5 gram x | gram",
                "5 grams x | grams",
                "1 kg x | kg",
                "4 oz x | oz",
                "1 ounce x | ounce",
                "2 ounces x | ounces",
                "1 lb x | lb",
                "1 pound x | pound",
                "2 pounds x | pounds",
                "1 clove x | clove",
                "2 cloves x | cloves",
                "1 can x | can",
                "2 cans x | cans",
                "1 piece x | piece",
                "2 pieces x | pieces",
                "1 slice x | slice",
                "2 slices x | slices",
                "1 pinch x | pinch",
                "1 dash x | dash",
                "1 stick x | stick",
                "2 STICKS x | STICKS"
            })
    void recognisesEveryUnitWordWhateverItsCaseAndKeepsItAsWritten(String line, String measurement) {
        Ingredient ingredient = parse(line);

        assertThat(ingredient.measurement()).isEqualTo(measurement);
        assertThat(ingredient.ingredientName()).isEqualTo("x");
    }

    @Test
    void trailingPhrasesAndOptionalNotesGoToThePreparation() {
        assertThat(parse("2 tbsp parsley, chopped, for garnish").preparation()).isEqualTo("chopped, for garnish");
        assertThat(parse("1 cup walnuts (optional)").preparation()).isEqualTo("optional");
        assertThat(parse("black pepper, to taste")).satisfies(pepper -> {
            assertThat(pepper.ingredientName()).isEqualTo("black pepper");
            assertThat(pepper.preparation()).isEqualTo("to taste");
        });
    }

    @Test
    void aLineThatIsOnlyAQuantityKeepsTheWholeLineAsName() {
        assertThat(parse("2 cups").ingredientName()).isEqualTo("2 cups");
    }

    @Test
    void aZeroDenominatorIsNotAQuantity() {
        Ingredient ingredient = parse("1/0 cup sugar");

        assertThat(ingredient.quantity()).isNull();
        assertThat(ingredient.ingredientName()).isEqualTo("1/0 cup sugar");
    }

    @Test
    void anAbsurdlyLongNumberIsNotAQuantity() {
        assertThat(parse("1".repeat(400) + " eggs").quantity()).isNull();
    }
}
