package dev.recipediff.core.units;

/**
 * One unit a recipe may be written in, with its factor to the base unit of its dimension.
 *
 * @param baseUnit     the unit quantities are normalised to ("ml", "g", "unit", "clove")
 * @param dimension    what it measures
 * @param factorToBase how many base units one of this unit is (1 tbsp = 14.79 ml)
 */
public record CookingUnit(String baseUnit, Dimension dimension, double factorToBase) {

    public NormalizedQuantity of(double quantity) {
        return new NormalizedQuantity(quantity * factorToBase, baseUnit, dimension);
    }
}
