package dev.recipediff.core.format;

import dev.recipediff.core.model.Ingredient;

/**
 * Everything {@link IngredientLineParser} read from one free-text ingredient line. {@link #toIngredient()} gives
 * the model's {@link Ingredient} (quantity, measurement, name, preparation, text); the other fields keep what the
 * line says beyond it.
 *
 * @param quantity               the amount (a range's lower bound); {@code null} when the line has none
 * @param quantityHigh           a range's upper bound ("2-3 cups" → 3); {@code null} when not a range
 * @param quantityImplied        the line writes no number but means one ("a pinch of salt", "pinch of salt" → 1)
 * @param measurement            the unit as written ("tbsp", "cups", "g"), {@code "unit"} for a plain count,
 *                               {@code null} when there is no quantity
 * @param ingredientName         what the line is about ("double cream", "garlic")
 * @param preparation            size, notes, text after the first comma, trailing phrases, joined by ", "
 * @param text                   the line as given
 * @param alternativeQuantity    the other amount of a metric/imperial pair ("150ml/5fl oz" → 5); {@code null}
 * @param alternativeMeasurement its unit as written ("fl oz")
 * @param alternative            the other amount as written ("5fl oz", "1lb 9oz", "250 ml")
 * @param size                   size words before the unit or name ("large" of "4 large cloves garlic")
 * @param qualifier              a word that hedges the amount ("about", "scant", "heaped", "generous")
 * @param eachQuantity           the size of one counted thing or package ("One 28-ounce can" → 28,
 *                               "2 x 400g tins" → 400); {@code null} when none
 * @param eachMeasurement        its unit as written ("ounce", "g")
 * @param container              the package a leading amount comes in ("400g tin" → "tin"); {@code null} when none
 */
public record ParsedLine(
        Double quantity,
        Double quantityHigh,
        boolean quantityImplied,
        String measurement,
        String ingredientName,
        String preparation,
        String text,
        Double alternativeQuantity,
        String alternativeMeasurement,
        String alternative,
        String size,
        String qualifier,
        Double eachQuantity,
        String eachMeasurement,
        String container) {

    /** The line as the recipe model holds it. */
    public Ingredient toIngredient() {
        return new Ingredient(null, quantity, measurement, ingredientName, preparation, text);
    }
}
