package dev.recipediff.core.units;

/**
 * A quantity expressed in the base unit of its dimension (millilitres, grams, counts).
 *
 * @param value     the amount in {@code unit}
 * @param unit      the base unit ("ml", "g", "unit", "clove"), or the normalised spelling of an unknown unit
 * @param dimension what it measures
 */
public record NormalizedQuantity(double value, String unit, Dimension dimension) {

    /** Relative tolerance under which two amounts count as the same: 1 %. */
    public static final double TOLERANCE = 0.01;

    /** Whether both are in the same base unit, so that their values can be compared. */
    public boolean isComparableTo(NormalizedQuantity other) {
        return dimension == other.dimension && unit.equals(other.unit);
    }

    /** Whether {@code other} is comparable and within {@link #TOLERANCE} of this amount times {@code factor}. */
    public boolean matches(NormalizedQuantity other, double factor) {
        return isComparableTo(other) && sameAmount(value * factor, other.value);
    }

    public NormalizedQuantity times(double factor) {
        return new NormalizedQuantity(value * factor, unit, dimension);
    }

    /** Whether two amounts differ by at most {@link #TOLERANCE} of the larger one. */
    public static boolean sameAmount(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
}
