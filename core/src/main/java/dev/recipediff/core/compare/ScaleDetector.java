package dev.recipediff.core.compare;

import dev.recipediff.core.units.NormalizedQuantity;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Finds a uniform scaling of a recipe: the ratio make/recipe shared (within 1 %) by all, or all but a few, of the
 * ingredients matched by id or name, when it is not 1 and agrees with the servings if both documents state them.
 *
 * <p>"All but a few": at least two ingredients share the ratio, they are more than half, and at most
 * {@code max(1, n / 4)} of the {@code n} comparable ingredients deviate.
 */
final class ScaleDetector {

    private ScaleDetector() {}

    static OptionalDouble detect(IngredientMatching matching, Double recipeServings, Double makeServings) {
        double[] ratios = ratios(matching);
        int n = ratios.length;
        if (n == 1
                && recipeServings != null
                && makeServings != null
                && recipeServings > 0
                && !KitchenTolerance.close(ratios[0], 1.0)
                && KitchenTolerance.close(ratios[0], makeServings / recipeServings)) {
            return OptionalDouble.of(ratios[0]); // one amount, scaled as the servings are
        }
        if (n < 2 || allOne(ratios)) {
            return OptionalDouble.empty();
        }
        Arrays.sort(ratios);
        int bestStart = 0;
        int bestSize = 0;
        int end = 0;
        for (int start = 0; start < n; start++) {
            end = Math.max(end, start);
            while (end + 1 < n && KitchenTolerance.close(ratios[start], ratios[end + 1])) {
                end++;
            }
            int size = end - start + 1;
            if (size > bestSize) {
                bestSize = size;
                bestStart = start;
            }
        }
        double factor = ratios[bestStart + (bestSize - 1) / 2];
        if (!KitchenTolerance.close(factor, 1.0)) {
            bestSize = Math.max(bestSize, agreeing(matching, factor)); // amounts a cook rounded after scaling
        }
        int deviants = n - bestSize;
        boolean uniform = bestSize >= 2 && bestSize * 2 > n && deviants <= Math.max(1, n / 4);
        if (!uniform || KitchenTolerance.close(factor, 1.0) || !servingsAgree(factor, recipeServings, makeServings)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(factor);
    }

    private static boolean allOne(double[] ratios) {
        for (double ratio : ratios) {
            if (ratio != 1.0) {
                return false;
            }
        }
        return true;
    }

    private static boolean servingsAgree(double factor, Double recipeServings, Double makeServings) {
        if (recipeServings == null || makeServings == null || recipeServings <= 0) {
            return true;
        }
        return KitchenTolerance.close(makeServings / recipeServings, factor)
                || Math.abs(makeServings - recipeServings * factor) <= 0.5;
    }

    /** How many matched, same-named pairs with amounts restate the recipe amount × {@code factor}. */
    private static int agreeing(IngredientMatching matching, double factor) {
        int agreeing = 0;
        for (PreparedIngredient r : matching.recipe()) {
            int m = matching.makeOf(r.index());
            if (m >= 0 && r.hasQuantity() && r.source().quantity() > 0) {
                PreparedIngredient made = matching.make().get(m);
                if (made.hasQuantity() && r.sameName(made) && r.sameAmount(made, factor)) {
                    agreeing++;
                }
            }
        }
        return agreeing;
    }

    /** make/recipe of each matched, same-named pair with comparable positive amounts. */
    private static double[] ratios(IngredientMatching matching) {
        double[] ratios = new double[matching.recipe().size()];
        int count = 0;
        for (PreparedIngredient r : matching.recipe()) {
            int m = matching.makeOf(r.index());
            if (m < 0 || !r.hasQuantity()) {
                continue;
            }
            PreparedIngredient made = matching.make().get(m);
            if (!made.hasQuantity() || !r.sameName(made)) {
                continue;
            }
            if (r.sameAmountAsWritten(made)) {
                if (r.source().quantity() > 0) {
                    ratios[count++] = 1.0;
                }
                continue;
            }
            NormalizedQuantity before = r.quantity();
            NormalizedQuantity after = made.quantity();
            if (before.isComparableTo(after) && before.value() > 0 && after.value() > 0) {
                ratios[count++] = after.value() / before.value();
            }
        }
        return Arrays.copyOf(ratios, count);
    }
}
