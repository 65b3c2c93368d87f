package dev.recipediff.core.units;

/**
 * How many millilitres or grams one unit is. US customary definitions (the units of the recipes this reads);
 * every constant is checked against Indriya + uom-systems by {@code UnitFactorsTest}, so the maintained units
 * library stays the authority without being loaded at run time.
 */
final class UnitFactors {

    static final double MILLILITRE_ML = 1.0;
    static final double CENTILITRE_ML = 10.0;
    static final double DECILITRE_ML = 100.0;
    static final double LITRE_ML = 1000.0;
    /** US gallon: 231 cubic inches. */
    static final double GALLON_ML = 3785.411784;

    static final double QUART_ML = GALLON_ML / 4;
    static final double PINT_ML = GALLON_ML / 8;
    static final double CUP_ML = GALLON_ML / 16;
    static final double FLUID_OUNCE_ML = GALLON_ML / 128;
    static final double TABLESPOON_ML = FLUID_OUNCE_ML / 2;
    static final double TEASPOON_ML = TABLESPOON_ML / 3;

    static final double GRAM_G = 1.0;
    static final double MILLIGRAM_G = 0.001;
    static final double KILOGRAM_G = 1000.0;
    /** Avoirdupois pound. */
    static final double POUND_G = 453.59237;

    static final double OUNCE_G = POUND_G / 16;

    private UnitFactors() {}
}
