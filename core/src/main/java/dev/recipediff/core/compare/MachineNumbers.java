package dev.recipediff.core.compare;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers are written into differences: machine values to 6 significant digits, text without noise. */
public final class MachineNumbers {

    private MachineNumbers() {}

    /** {@code value} rounded to 6 significant digits (7.39338 ml, not 7.393382390625). */
    public static Double round(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return value;
        }
        return significant(value, 6);
    }

    /** {@code value} as a person writes it, to 4 significant digits: "1", "0.5", "0.3333". */
    public static String text(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double rounded = significant(value, 4);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    /** {@code value} rounded to {@code digits} significant digits (whole numbers below a million as they are). */
    public static double significant(double value, int digits) {
        if (value == 0 || value == Math.rint(value) && Math.abs(value) < 1e6) {
            return value;
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(value)));
        int decimals = digits - 1 - magnitude;
        if (decimals > 0 && decimals <= 22) {
            double scale = POWERS_OF_TEN[decimals];
            return Math.round(value * scale) / scale;
        }
        if (decimals <= 0 && -decimals <= 22) {
            double scale = POWERS_OF_TEN[-decimals];
            return Math.round(value / scale) * scale;
        }
        return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
    }

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }
}
