package dev.recipediff.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitCatalogTest {

    @ParameterizedTest(name = "1 {0} = {1} {2}")
    @CsvSource({
        "tsp, 4.92892159375, ml",
        "TBS, 14.78676478125, ml",
        "tbsp, 14.78676478125, ml",
        "T, 14.78676478125, ml",
        "t, 4.92892159375, ml",
        "Tablespoons, 14.78676478125, ml",
        "cup, 236.5882365, ml",
        "fl oz, 29.5735295625, ml",
        "fl. oz., 29.5735295625, ml",
        "pint, 473.176473, ml",
        "quart, 946.352946, ml",
        "gallon, 3785.411784, ml",
        "ml, 1, ml",
        "l, 1000, ml",
        "g, 1, g",
        "kg, 1000, g",
        "oz, 28.349523125, g",
        "lb, 453.59237, g",
        "unit, 1, unit",
        "piece, 1, unit",
        "whole, 1, unit",
        "cloves, 1, clove",
        "can, 1, can",
        "EL, 14.78676478125, ml",
        "c. à soupe, 14.78676478125, ml",
        "TL, 4.92892159375, ml",
        "c, 236.5882365, ml",
        "gr, 1, g",
        "dl, 100, ml",
        "leaves, 1, leaf",
        "sprigs, 1, sprig",
        "stalks, 1, stalk",
        "tins, 1, can",
        "punnets, 1, punnet"
    })
    // uom-systems writes tsp and tbsp to 8 digits (4.9289216 ml), hence 1e-6 rather than exact
    void eachAliasHasItsFactorToTheBaseUnit(String measurement, double factor, String baseUnit) {
        NormalizedQuantity one = UnitCatalog.normalize(1, measurement);

        assertThat(one.value()).isCloseTo(factor, within(factor * 1e-6));
        assertThat(one.unit()).isEqualTo(baseUnit);
    }

    @Test
    void halfATablespoonIsOneAndAHalfTeaspoons() {
        assertThat(UnitCatalog.normalize(0.5, "TBS").matches(UnitCatalog.normalize(1.5, "tsp"), 1.0))
                .isTrue();
    }

    @Test
    void twelveTablespoonsAreThreeQuartersOfACup() {
        assertThat(UnitCatalog.normalize(12, "tbsp").matches(UnitCatalog.normalize(0.75, "cup"), 1.0))
                .isTrue();
    }

    @Test
    void aVolumeIsNotComparableWithAMass() {
        assertThat(UnitCatalog.normalize(1, "cup").isComparableTo(UnitCatalog.normalize(150, "g")))
                .isFalse();
    }

    @Test
    void noMeasurementIsAPlainCount() {
        assertThat(UnitCatalog.normalize(2, null)).isEqualTo(new NormalizedQuantity(2, "unit", Dimension.COUNT));
    }

    @Test
    void anUnknownUnitIsComparableOnlyWithItsOwnSpelling() {
        NormalizedQuantity smidgen = UnitCatalog.normalize(1, "Smidgen");

        assertThat(smidgen.dimension()).isEqualTo(Dimension.OTHER);
        assertThat(smidgen.isComparableTo(UnitCatalog.normalize(2, "smidgen"))).isTrue();
        assertThat(smidgen.isComparableTo(UnitCatalog.normalize(1, "unit"))).isFalse();
    }

    @Test
    void amountsWithinOnePercentAreTheSame() {
        assertThat(NormalizedQuantity.sameAmount(236.5882365, 236)).isTrue();
        assertThat(NormalizedQuantity.sameAmount(236.5882365, 250)).isFalse();
    }
}
