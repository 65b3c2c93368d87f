package dev.recipediff.core.model;

/**
 * One ingredient line of a recipe or a make.
 *
 * @param ingredientId   id from the original format; {@code null} when the document has none (hand-written makes)
 * @param quantity       amount in {@code measurement}; {@code null} when the line has none ("salt to taste")
 * @param measurement    the unit as written ("TBS", "cup", "unit"); {@code null} when none
 * @param ingredientName the name as written ("pieCrust", "ground cumin")
 * @param preparation    preparation parsed from a free-text line ("minced"); {@code null} when none
 * @param text           the original free-text line (schema.org {@code recipeIngredient}); {@code null} for the original format
 */
public record Ingredient(
        Long ingredientId,
        Double quantity,
        String measurement,
        String ingredientName,
        String preparation,
        String text) {

    /** An ingredient in the original format (no free-text line). */
    public static Ingredient of(Long ingredientId, Double quantity, String measurement, String ingredientName) {
        return new Ingredient(ingredientId, quantity, measurement, ingredientName, null, null);
    }

    public Ingredient withQuantity(Double newQuantity) {
        return new Ingredient(ingredientId, newQuantity, measurement, ingredientName, preparation, text);
    }
}
