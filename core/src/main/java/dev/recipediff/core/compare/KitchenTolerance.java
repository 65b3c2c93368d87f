package dev.recipediff.core.compare;

import dev.recipediff.core.units.Dimension;
import dev.recipediff.core.units.NormalizedQuantity;
import java.math.BigDecimal;

/**
 * When two amounts are the same for a cook: within the rounding of kitchen conversions.
 *
 * <ul>
 *   <li>Within {@value #RELATIVE_PERCENT} % of the larger one, always (½ teaspoon = 2.5 ml, 1 cup = 240 ml).</li>
 *   <li>A <b>restatement</b> — the make writes another unit than the recipe, or the recipe is scaled — may also
 *       be off by up to half the last place the make writes ({@code 1.2 ml} for ¼ teaspoon = 1.23 ml; {@code 5}
 *       eggs for 3 × 1.5), capped at {@value #CAP_PERCENT} % of the amount. Counts under a scale may round to a
 *       whole number.</li>
 * </ul>
 */
final class KitchenTolerance {

    static final double RELATIVE = 0.025;
    /** For the Javadoc. */
    static final double RELATIVE_PERCENT = 2.5;

    static final double CAP = 0.10;
    /** For the Javadoc. */
    static final double CAP_PERCENT = 10;

    private KitchenTolerance() {}

    /** Whether two plain numbers (ratios, servings) are the same within {@link #RELATIVE}. */
    static boolean close(double a, double b) {
        return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * Whether the make's amount restates the recipe's amount times {@code factor}.
     *
     * @param restated   whether the make writes another unit than the recipe (or {@code factor} ≠ 1)
     * @param makeNumber the make's quantity as written (its last place is its precision)
     */
    static boolean same(
            NormalizedQuantity recipe, NormalizedQuantity make, double factor, boolean restated, double makeNumber) {
        if (!recipe.isComparableTo(make)) {
            return false;
        }
        double expected = recipe.value() * factor;
        double actual = make.value();
        double diff = Math.abs(expected - actual);
        double larger = Math.max(Math.abs(expected), Math.abs(actual));
        if (diff <= RELATIVE * larger) {
            return true;
        }
        if (!restated && factor == 1.0 || makeNumber <= 0) {
            return false;
        }
        double toBase = actual / makeNumber;
        if (factor != 1.0 && make.dimension() == Dimension.COUNT && diff <= 0.5 * toBase + 1e-9) {
            return true;
        }
        double half = halfLastPlace(makeNumber) * toBase;
        return diff <= half * (1 + 1e-9) && diff <= CAP * larger;
    }

    /** Half of the last decimal place written: 0.05 for 1.2, 0.5 for 240 and for 1, 0.005 for 0.25. */
    static double halfLastPlace(double number) {
        BigDecimal written = BigDecimal.valueOf(number).stripTrailingZeros();
        int scale = Math.max(0, written.scale());
        if (scale > 6) {
            return 0; // a fraction (1/3) written as a long decimal: no rounding to allow for
        }
        return 0.5 * Math.pow(10, -scale);
    }
}
