package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines shaped like the ones recipe sites publish (written for these tests), one behaviour per test. */
class IngredientLineParserWebLinesTest {

    private final IngredientLineParser parser = new IngredientLineParser();

    private ParsedLine parse(String line) {
        return parser.parseLine(line);
    }

    @Test
    void aMetricImperialPairKeepsTheFirstAmountAndTheOtherAsAlternative() {
        ParsedLine cream = parse("200ml/7fl oz single cream");

        assertThat(cream.quantity()).isEqualTo(200.0);
        assertThat(cream.measurement()).isEqualTo("ml");
        assertThat(cream.alternativeQuantity()).isEqualTo(7.0);
        assertThat(cream.alternativeMeasurement()).isEqualTo("fl oz");
        assertThat(cream.ingredientName()).isEqualTo("single cream");
    }

    @Test
    void aCupFirstPairKeepsTheCupAndTheMillilitresAsAlternative() {
        ParsedLine stock = parse("2 cups/475 ml vegetable stock");

        assertThat(stock.quantity()).isEqualTo(2.0);
        assertThat(stock.measurement()).isEqualTo("cups");
        assertThat(stock.alternativeQuantity()).isEqualTo(475.0);
        assertThat(stock.alternativeMeasurement()).isEqualTo("ml");
    }

    @Test
    void aPoundsAndOuncesAlternativeIsKeptAsWritten() {
        ParsedLine lamb = parse("900g/2lb 4oz lamb shoulder, boned");

        assertThat(lamb.quantity()).isEqualTo(900.0);
        assertThat(lamb.measurement()).isEqualTo("g");
        assertThat(lamb.alternative()).isEqualTo("2 lb 4 oz");
        assertThat(lamb.ingredientName()).isEqualTo("lamb shoulder");
        assertThat(lamb.preparation()).isEqualTo("boned");
    }

    @Test
    void aParenthesisedAlternativeAfterTheUnitIsKeptAsAlternative() {
        ParsedLine sugar = parse("3/4 cup (150 grams) light brown sugar");

        assertThat(sugar.quantity()).isEqualTo(0.75);
        assertThat(sugar.measurement()).isEqualTo("cup");
        assertThat(sugar.alternativeQuantity()).isEqualTo(150.0);
        assertThat(sugar.alternativeMeasurement()).isEqualTo("grams");
        assertThat(sugar.ingredientName()).isEqualTo("light brown sugar");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 bunch flat-leaf parsley | bunch",
                "3 sprigs rosemary | sprigs",
                "1 handful rocket | handful",
                "2 heads garlic | heads",
                "2 stalks celery | stalks",
                "1 knob butter | knob",
                "4 sheets filo pastry | sheets",
                "6 rashers streaky bacon | rashers",
                "2 tins chickpeas | tins",
                "1 packet yeast | packet",
                "1 ear corn | ear",
                "2 ribs celery | ribs",
                "1 punnet raspberries | punnet",
                "1 sachet gelatine | sachet",
                "2 c flour | c",
                "1 c. milk | c",
                "250 gr farina | gr",
                "2 dl latte | dl",
                "5 cl rum | cl",
                "2 EL Olivenöl | EL",
                "1 TL Salz | TL",
                "2 c. à soupe huile | c. à soupe",
                "1 dsp honey | dsp",
                "3 cm ginger | cm",
                "1 recipe pie dough | recipe"
            })
    void recognisesTheCommonUnitWordsOfRecipeSites(String line, String measurement) {
        assertThat(parse(line).measurement()).isEqualTo(measurement);
    }

    @Test
    void aSizeWordBeforeTheUnitIsTheSize() {
        ParsedLine garlic = parse("4 large cloves garlic, crushed");

        assertThat(garlic.quantity()).isEqualTo(4.0);
        assertThat(garlic.measurement()).isEqualTo("cloves");
        assertThat(garlic.size()).isEqualTo("large");
        assertThat(garlic.ingredientName()).isEqualTo("garlic");
        assertThat(garlic.preparation()).isEqualTo("large, crushed");
    }

    @Test
    void aCountedThingWordAfterTheNameIsTheUnit() {
        ParsedLine garlic = parse("3 fat garlic cloves, sliced");

        assertThat(garlic.measurement()).isEqualTo("cloves");
        assertThat(garlic.ingredientName()).isEqualTo("garlic");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "About 2/3 cup buttermilk | about | 0.6666666666666666",
                "Scant 1/2 tsp chilli flakes | scant | 0.5",
                "a generous 1 tbsp capers | a generous | 1",
                "approx. 300g rhubarb | approx | 300",
                "~6 cloves garlic | about | 6"
            })
    void aHedgeBeforeTheAmountIsTheQualifier(String line, String qualifier, double quantity) {
        ParsedLine parsed = parse(line);

        assertThat(parsed.qualifier()).isEqualTo(qualifier);
        assertThat(parsed.quantity()).isEqualTo(quantity);
    }

    @Test
    void aHedgeBetweenAmountAndUnitJoinsTheQualifier() {
        ParsedLine honey = parse("1 heaped tbsp runny honey");

        assertThat(honey.measurement()).isEqualTo("tbsp");
        assertThat(honey.qualifier()).isEqualTo("heaped");
        assertThat(honey.ingredientName()).isEqualTo("runny honey");
    }

    @Test
    void aNumberWordWithAPackageSizeCountsPackagesOfThatSize() {
        ParsedLine beans = parse("One 15-ounce can black beans, rinsed");

        assertThat(beans.quantity()).isEqualTo(1.0);
        assertThat(beans.measurement()).isEqualTo("can");
        assertThat(beans.eachQuantity()).isEqualTo(15.0);
        assertThat(beans.eachMeasurement()).isEqualTo("ounce");
        assertThat(beans.ingredientName()).isEqualTo("black beans");
    }

    @Test
    void aParenthesisedPackageSizeIsTheSizeOfEach() {
        ParsedLine milk = parse("2 (13.5-ounce) cans coconut milk");

        assertThat(milk.quantity()).isEqualTo(2.0);
        assertThat(milk.measurement()).isEqualTo("cans");
        assertThat(milk.eachQuantity()).isEqualTo(13.5);
        assertThat(milk.preparation()).isEqualTo("13.5-ounce");
    }

    @Test
    void aTimesSignCountsThingsOfTheSizeThatFollows() {
        ParsedLine tomatoes = parse("2 x 400g/14oz tins chopped tomatoes");

        assertThat(tomatoes.quantity()).isEqualTo(2.0);
        assertThat(tomatoes.measurement()).isEqualTo("tins");
        assertThat(tomatoes.eachQuantity()).isEqualTo(400.0);
        assertThat(tomatoes.eachMeasurement()).isEqualTo("g");
        assertThat(tomatoes.ingredientName()).isEqualTo("chopped tomatoes");
    }

    @Test
    void aLeadingAmountWithAPackageWordKeepsTheAmountAndNamesTheContainer() {
        ParsedLine beans = parse("400g tin butter beans, drained");

        assertThat(beans.quantity()).isEqualTo(400.0);
        assertThat(beans.measurement()).isEqualTo("g");
        assertThat(beans.container()).isEqualTo("tin");
        assertThat(beans.ingredientName()).isEqualTo("butter beans");
    }

    @ParameterizedTest(name = "{0} → {1}..{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2-3 tbsp olive oil | 2 | 3",
                "2 to 3 limes | 2 | 3",
                "4–6 chicken thighs | 4 | 6",
                "1 or 2 red chillies | 1 | 2",
                "1/2-1 tsp cayenne | 0.5 | 1",
                "2-3-lb pork shoulder | 2 | 3"
            })
    void aRangeGivesItsLowerBoundAndItsUpperBound(String line, double low, double high) {
        ParsedLine parsed = parse(line);

        assertThat(parsed.quantity()).isEqualTo(low);
        assertThat(parsed.quantityHigh()).isEqualTo(high);
    }

    @Test
    void aMixedNumberWithAHyphenIsNotARange() {
        ParsedLine milk = parse("1-1/2 cups whole milk");

        assertThat(milk.quantity()).isEqualTo(1.5);
        assertThat(milk.quantityHigh()).isNull();
        assertThat(milk.ingredientName()).isEqualTo("whole milk");
    }

    @Test
    void aUnicodeFractionGluedToItsUnitIsRead() {
        ParsedLine nutmeg = parse("½tsp grated nutmeg");

        assertThat(nutmeg.quantity()).isEqualTo(0.5);
        assertThat(nutmeg.measurement()).isEqualTo("tsp");
    }

    @Test
    void aPinchWithoutNumberIsAnImpliedOne() {
        ParsedLine salt = parse("pinch sea salt");

        assertThat(salt.quantity()).isEqualTo(1.0);
        assertThat(salt.quantityImplied()).isTrue();
        assertThat(salt.measurement()).isEqualTo("pinch");
        assertThat(salt.ingredientName()).isEqualTo("sea salt");
    }

    @Test
    void aPluralUnitWordWithoutNumberIsNoAmount() {
        ParsedLine bread = parse("slices of toasted sourdough");

        assertThat(bread.quantity()).isNull();
        assertThat(bread.measurement()).isNull();
    }

    @Test
    void thePartOfSomethingTakesTheAmountOfTheWhole() {
        ParsedLine lime = parse("Finely grated zest of 2 limes");

        assertThat(lime.quantity()).isEqualTo(2.0);
        assertThat(lime.ingredientName()).isEqualTo("limes");
        assertThat(lime.preparation()).isEqualTo("finely grated zest");
    }

    @Test
    void anAmountAfterTheNameIsRead() {
        ParsedLine butter = parse("Unsalted butter, 3 tablespoons");

        assertThat(butter.quantity()).isEqualTo(3.0);
        assertThat(butter.measurement()).isEqualTo("tablespoons");
        assertThat(butter.ingredientName()).isEqualTo("Unsalted butter");
    }

    @Test
    void preparationWordsLeadingTheNameMoveToThePreparation() {
        ParsedLine parsley = parse("2 tbsp finely chopped flat-leaf parsley");

        assertThat(parsley.ingredientName()).isEqualTo("flat-leaf parsley");
        assertThat(parsley.preparation()).isEqualTo("finely chopped");
    }

    @Test
    void aListOfAlternativesSeparatedByCommasStaysTheName() {
        ParsedLine oil = parse("3 tbsp rapeseed, sunflower or groundnut oil");

        assertThat(oil.ingredientName()).isEqualTo("rapeseed, sunflower or groundnut oil");
    }

    @Test
    void adjectivesSeparatedByACommaStayInTheName() {
        ParsedLine chicken = parse("4 boneless, skinless chicken thighs, cubed");

        assertThat(chicken.ingredientName()).isEqualTo("boneless, skinless chicken thighs");
        assertThat(chicken.preparation()).isEqualTo("cubed");
    }

    @Test
    void anAlternativeInParenthesesStartingWithOrStaysInTheName() {
        ParsedLine cheese = parse("50g pecorino (or a vegetarian hard cheese), grated");

        assertThat(cheese.ingredientName()).isEqualTo("pecorino or a vegetarian hard cheese");
        assertThat(cheese.preparation()).isEqualTo("grated");
    }

    @Test
    void anAddedAmountGoesToThePreparation() {
        ParsedLine flour = parse("1 cup plus 2 tbsp plain flour");

        assertThat(flour.quantity()).isEqualTo(1.0);
        assertThat(flour.measurement()).isEqualTo("cup");
        assertThat(flour.ingredientName()).isEqualTo("plain flour");
        assertThat(flour.preparation()).isEqualTo("plus 2 tbsp");
    }

    @Test
    void anAlternativeIngredientWithItsOwnAmountIsCutFromTheName() {
        ParsedLine thyme = parse("2 tsp fresh thyme leaves or 1/2 tsp dried thyme");

        assertThat(thyme.ingredientName()).isEqualTo("fresh thyme leaves");
        assertThat(thyme.preparation()).isEqualTo("or 1/2 tsp dried thyme");
    }

    @Test
    void aPurposeAtTheEndIsPreparation() {
        ParsedLine semolina = parse("fine semolina for dusting");

        assertThat(semolina.ingredientName()).isEqualTo("fine semolina");
        assertThat(semolina.preparation()).isEqualTo("for dusting");
    }

    @Test
    void aWholeChickenKeepsWholeInItsName() {
        ParsedLine chicken = parse("1 whole chicken, about 1.6kg");

        assertThat(chicken.measurement()).isEqualTo("unit");
        assertThat(chicken.ingredientName()).isEqualTo("whole chicken");
    }

    @Test
    void anOptionalPrefixBecomesAPreparation() {
        ParsedLine chilli = parse("Optional: 1 red chilli, sliced");

        assertThat(chilli.quantity()).isEqualTo(1.0);
        assertThat(chilli.ingredientName()).isEqualTo("red chilli");
        assertThat(chilli.preparation()).isEqualTo("sliced, optional");
    }

    @Test
    void theWeightOfACountInParenthesesIsItsAlternative() {
        ParsedLine carrots = parse("3 medium carrots (about 8 ounces), diced");

        assertThat(carrots.measurement()).isEqualTo("unit");
        assertThat(carrots.alternativeQuantity()).isEqualTo(8.0);
        assertThat(carrots.alternativeMeasurement()).isEqualTo("ounces");
    }

    @Test
    void theWeightOfEachInParenthesesIsTheSizeOfEach() {
        ParsedLine aubergines = parse("2 small aubergines (about 1/2 pound each)");

        assertThat(aubergines.eachQuantity()).isEqualTo(0.5);
        assertThat(aubergines.eachMeasurement()).isEqualTo("pound");
    }

    @Test
    void theIngredientKeepsTheModelFields() {
        ParsedLine parsed = parse("2 x 400g/14oz tins chopped tomatoes");

        assertThat(parser.parse("2 x 400g/14oz tins chopped tomatoes")).isEqualTo(parsed.toIngredient());
        assertThat(parsed.toIngredient().text()).isEqualTo("2 x 400g/14oz tins chopped tomatoes");
    }
}
