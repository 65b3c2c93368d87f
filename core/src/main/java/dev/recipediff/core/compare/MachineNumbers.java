package dev.recipediff.core.compare;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers are written into differences: machine values to 6 significant digits, text without noise. */
final class MachineNumbers {

    private static final MathContext MACHINE = new MathContext(6);
    private static final MathContext TEXT = new MathContext(4);

    private MachineNumbers() {
    }

    /** {@code value} rounded to 6 significant digits (7.39338 ml, not 7.393382390625). */
    static Double round(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(MACHINE).doubleValue();
    }

    /** {@code value} as a person writes it: "1", "0.5", "0.3333". */
    static String text(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(TEXT).stripTrailingZeros().toPlainString();
    }
}
