package dev.recipediff.core.compare;

/**
 * A number with a unit in a step's text: a temperature or a duration.
 *
 * @param kind        temperature or duration
 * @param value       the value in {@code unit}: minutes for durations, the number as written for temperatures
 * @param unit        "min" for durations; "°F", "°C" or "degrees" (no scale written) for temperatures
 * @param text        how the step writes it ("350 degrees", "45 minutes", "180°C")
 * @param numberIndex the index of the number among the step's words ({@link StepWords})
 * @param wordCount   how many words it spans, number and unit ("350", "°", "f": 3)
 */
record StepParameter(StepParameterKind kind, double value, String unit, String text, int numberIndex, int wordCount) {

    /**
     * Whether the two are the same amount; temperatures in different scales are compared in °C, where an oven
     * restated to the nearest 10 °C (350 °F = 180 °C) is the same.
     */
    boolean sameAs(StepParameter other) {
        if (kind == StepParameterKind.TEMPERATURE
                && !unit.equals(other.unit)
                && !unit.equals("degrees")
                && !other.unit.equals("degrees")) {
            return Math.abs(celsius() - other.celsius()) < 5;
        }
        return Math.abs(value - other.value) < 1e-9;
    }

    private double celsius() {
        return unit.equals("°F") ? (value - 32) * 5 / 9 : value;
    }
}
