package dev.recipediff.core.units;

/** What a measurement measures. Two quantities are comparable only within one dimension and base unit. */
public enum Dimension {
    /** Volume, normalised to millilitres. */
    VOLUME,
    /** Mass, normalised to grams. */
    MASS,
    /** A count of things ("unit", "piece", "clove", "can"). */
    COUNT,
    /** A measurement the catalog does not know; comparable only with the same spelling. */
    OTHER
}
