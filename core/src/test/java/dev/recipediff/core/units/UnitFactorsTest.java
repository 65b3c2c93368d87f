package dev.recipediff.core.units;

import static javax.measure.MetricPrefix.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.quantity.Mass;
import javax.measure.quantity.Volume;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import systems.uom.common.USCustomary;
import tech.units.indriya.unit.Units;

/**
 * The factors the catalog uses are what Indriya + uom-systems derive, to 8 significant digits: uom-systems writes
 * the teaspoon as 4.9289216 ml where the US definition (gallon / 768) gives 4.92892159375 ml.
 */
class UnitFactorsTest {

    private static final double RELATIVE = 1e-8;

    private static final Unit<Volume> MILLILITRE = MILLI(Units.LITRE);
    private static final Unit<Mass> GRAM = Units.GRAM;

    static Stream<Arguments> volumes() {
        return Stream.of(
                Arguments.of("teaspoon", USCustomary.TEASPOON, UnitFactors.TEASPOON_ML),
                Arguments.of("tablespoon", USCustomary.TABLESPOON, UnitFactors.TABLESPOON_ML),
                Arguments.of("cup", USCustomary.CUP, UnitFactors.CUP_ML),
                Arguments.of("fluid ounce", USCustomary.FLUID_OUNCE, UnitFactors.FLUID_OUNCE_ML),
                Arguments.of("pint", USCustomary.PINT, UnitFactors.PINT_ML),
                Arguments.of("quart", USCustomary.GALLON_LIQUID.divide(4), UnitFactors.QUART_ML),
                Arguments.of("gallon", USCustomary.GALLON_LIQUID, UnitFactors.GALLON_ML),
                Arguments.of("millilitre", MILLILITRE, UnitFactors.MILLILITRE_ML),
                Arguments.of("centilitre", Units.LITRE.divide(100), UnitFactors.CENTILITRE_ML),
                Arguments.of("decilitre", Units.LITRE.divide(10), UnitFactors.DECILITRE_ML),
                Arguments.of("litre", Units.LITRE, UnitFactors.LITRE_ML));
    }

    static Stream<Arguments> masses() {
        return Stream.of(
                Arguments.of("gram", GRAM, UnitFactors.GRAM_G),
                Arguments.of("milligram", MILLI(GRAM), UnitFactors.MILLIGRAM_G),
                Arguments.of("kilogram", Units.KILOGRAM, UnitFactors.KILOGRAM_G),
                Arguments.of("ounce", USCustomary.OUNCE, UnitFactors.OUNCE_G),
                Arguments.of("pound", USCustomary.POUND, UnitFactors.POUND_G));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("volumes")
    void volumeFactorIsIndriyasConversionToMillilitres(String name, Unit<Volume> unit, double factor) {
        assertThat(factor).isCloseTo(indriya(unit, MILLILITRE), within(RELATIVE * factor));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("masses")
    void massFactorIsIndriyasConversionToGrams(String name, Unit<Mass> unit, double factor) {
        assertThat(factor).isCloseTo(indriya(unit, GRAM), within(RELATIVE * factor));
    }

    private static <Q extends Quantity<Q>> double indriya(Unit<Q> unit, Unit<Q> base) {
        return unit.getConverterTo(base).convert(1.0);
    }
}
