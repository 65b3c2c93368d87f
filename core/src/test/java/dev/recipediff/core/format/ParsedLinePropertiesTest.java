package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ParsedLinePropertiesTest {

    private final IngredientLineParser parser = new IngredientLineParser();

    @Property(tries = 500)
    void anyAmountBeforeAnyUnitWordIsReadWithThatUnit(
            @ForAll @IntRange(min = 1, max = 999) int amount,
            @ForAll("units") String unit,
            @ForAll("names") String name) {
        ParsedLine parsed = parser.parseLine(amount + " " + unit + " " + name);

        assertThat(parsed.quantity()).isEqualTo((double) amount);
        assertThat(UnitWord.of(parsed.measurement())).isEqualTo(UnitWord.of(unit));
        assertThat(parsed.ingredientName()).isEqualTo(name);
    }

    @Property(tries = 300)
    void aMetricImperialPairKeepsBothAmounts(
            @ForAll @IntRange(min = 1, max = 2000) int grams,
            @ForAll @IntRange(min = 1, max = 70) int ounces,
            @ForAll("names") String name) {
        ParsedLine parsed = parser.parseLine(grams + "g/" + ounces + "oz " + name);

        assertThat(parsed.quantity()).isEqualTo((double) grams);
        assertThat(parsed.measurement()).isEqualTo("g");
        assertThat(parsed.alternativeQuantity()).isEqualTo((double) ounces);
        assertThat(parsed.alternativeMeasurement()).isEqualTo("oz");
        assertThat(parsed.ingredientName()).isEqualTo(name);
    }

    @Property(tries = 300)
    void aRangeAlwaysHasItsLowerBoundFirst(
            @ForAll @IntRange(min = 1, max = 50) int a,
            @ForAll @IntRange(min = 1, max = 50) int b,
            @ForAll("separators") String separator) {
        ParsedLine parsed = parser.parseLine(a + separator + b + " tbsp sugar");

        assertThat(parsed.quantity()).isEqualTo((double) Math.min(a, b));
        if (a != b) {
            assertThat(parsed.quantityHigh()).isEqualTo((double) Math.max(a, b));
        }
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of(UnitWord.values())
                .flatMap(word -> Arbitraries.of(word.aliases()))
                // one-word aliases that are also everyday words before a name read differently
                .filter(alias -> !alias.equals("in") && !alias.equals("c"));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(
                "plain flour",
                "sea salt",
                "runny honey",
                "basil",
                "double cream",
                "rhubarb",
                "brown rice",
                "cumin seeds");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("-", " - ", " to ", "–");
    }
}
