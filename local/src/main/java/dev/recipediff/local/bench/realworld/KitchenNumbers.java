package dev.recipediff.local.bench.realworld;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts as ingredient lines write them, for the known-edits generator: reading the amount a line starts with
 * ("1 1/2", "3/4", "2.5", "½", "1½") and writing one back as a cook would ("1 1/2", "2/3", "0.3").
 */
final class KitchenNumbers {

    private static final String UNICODE = "½⅓⅔¼¾⅛⅜⅝⅞";
    private static final double[] UNICODE_VALUES = {0.5, 1.0 / 3, 2.0 / 3, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875};
    /** One amount: mixed number, fraction, decimal, integer, unicode fraction (glued to an integer or not). */
    static final String AMOUNT = "\\d+\\s+\\d+/\\d+|\\d+/\\d+|\\d+(?:\\.\\d+)?\\s?[" + UNICODE + "]|[" + UNICODE
            + "]|\\d+(?:\\.\\d+)?|\\.\\d+";

    private static final Pattern LEADING = Pattern.compile("^(\\s*)(" + AMOUNT + ")(?=\\s)");
    private static final Pattern LEADING_RANGE =
            Pattern.compile("^(\\s*)(" + AMOUNT + ")(\\s*(?:-|–|to|or)\\s*)(" + AMOUNT + ")(?=\\s)");
    private static final Pattern RANGE_AFTER = Pattern.compile("^\\s*(?:-|–|to\\b|or\\b)\\s*[\\d" + UNICODE + "]");

    private KitchenNumbers() {}

    /** Where a line's single leading amount is: [start, end) and its value; {@code null} when none or a range. */
    record Located(int start, int end, double value) {}

    static Located leadingAmount(String line) {
        Matcher m = LEADING.matcher(line);
        if (!m.find() || RANGE_AFTER.matcher(line.substring(m.end())).find()) {
            return null;
        }
        Double value = value(m.group(2));
        return value == null ? null : new Located(m.start(2), m.end(2), value);
    }

    /** A leading range "2-3" / "2 to 3": both bounds, or {@code null}. */
    static Located[] leadingRange(String line) {
        Matcher m = LEADING_RANGE.matcher(line);
        if (!m.find()) {
            return null;
        }
        Double low = value(m.group(2));
        Double high = value(m.group(4));
        if (low == null || high == null) {
            return null;
        }
        return new Located[] {new Located(m.start(2), m.end(2), low), new Located(m.start(4), m.end(4), high)};
    }

    static Double value(String amount) {
        String text = amount.strip();
        double total = 0;
        for (int i = 0; i < UNICODE.length(); i++) {
            int at = text.indexOf(UNICODE.charAt(i));
            if (at >= 0) {
                total += UNICODE_VALUES[i];
                text = text.substring(0, at).strip();
                break;
            }
        }
        if (text.isEmpty()) {
            return total;
        }
        for (String part : text.split("\\s+")) {
            int slash = part.indexOf('/');
            try {
                if (slash >= 0) {
                    double denominator = Double.parseDouble(part.substring(slash + 1));
                    if (denominator == 0) {
                        return null;
                    }
                    total += Double.parseDouble(part.substring(0, slash)) / denominator;
                } else {
                    total += Double.parseDouble(part);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return total;
    }

    /** A number as a cook writes it: halves, thirds, quarters and eighths as fractions, else 3 significant digits. */
    static String write(double value) {
        long whole = (long) Math.floor(value + 1e-9);
        double rest = value - whole;
        for (int denominator : new int[] {1, 2, 3, 4, 8}) {
            long numerator = Math.round(rest * denominator);
            if (Math.abs(rest - (double) numerator / denominator) < 1e-6) {
                if (numerator == 0) {
                    return Long.toString(whole);
                }
                if (numerator == denominator) {
                    return Long.toString(whole + 1);
                }
                long g = gcd(numerator, denominator);
                String fraction = numerator / g + "/" + denominator / g;
                return whole == 0 ? fraction : whole + " " + fraction;
            }
        }
        return decimal(value, 3);
    }

    /** {@code value} to {@code digits} significant digits, without trailing zeros ("2.5", "240", "0.33"). */
    static String decimal(double value, int digits) {
        return new BigDecimal(value)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** {@link #write} rounded first to what a cook keeps: whole numbers from 10 up, 3 significant digits below. */
    static double kitchen(double value) {
        if (value >= 10) {
            return Math.round(value);
        }
        for (int denominator : new int[] {1, 2, 3, 4, 8}) {
            double candidate = Math.round(value * denominator) / (double) denominator;
            if (candidate > 0 && Math.abs(candidate - value) <= 0.005 * value) {
                return candidate;
            }
        }
        return Double.parseDouble(decimal(value, 3));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
