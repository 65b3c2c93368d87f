package dev.recipediff.core.compare;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.units.NormalizedQuantity;
import dev.recipediff.core.units.UnitCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * An ingredient with what the comparator needs computed once: its normalised name and normalised quantity.
 *
 * @param index    position in its document (0-based)
 * @param source   the ingredient as read
 * @param name     normalised name ({@link IngredientNames})
 * @param quantity normalised quantity; {@code null} when the ingredient has none ("salt to taste")
 */
record PreparedIngredient(int index, Ingredient source, String name, NormalizedQuantity quantity) {

    static List<PreparedIngredient> of(List<Ingredient> ingredients) {
        List<PreparedIngredient> prepared = new ArrayList<>(ingredients.size());
        for (int i = 0; i < ingredients.size(); i++) {
            Ingredient ingredient = ingredients.get(i);
            NormalizedQuantity quantity = ingredient.quantity() == null ? null
                    : UnitCatalog.normalize(ingredient.quantity(), ingredient.measurement());
            prepared.add(new PreparedIngredient(i, ingredient, IngredientNames.normalize(ingredient.ingredientName()),
                    quantity));
        }
        return prepared;
    }

    Long id() {
        return source.ingredientId();
    }

    /** "0.5 TBS cinnamon" as written. */
    String describe() {
        String amount = amount();
        String written = source.ingredientName() == null ? name : source.ingredientName();
        return amount.isEmpty() ? written : amount + " " + written;
    }

    /** "0.5 TBS" as written, or "" when the ingredient has no quantity. */
    String amount() {
        return amount(1.0);
    }

    /** The amount as written, multiplied by {@code factor} ("1 TBS" for 0.5 TBS ×2). */
    String amount(double factor) {
        if (source.quantity() == null) {
            return source.measurement() == null ? "" : source.measurement();
        }
        String number = MachineNumbers.text(source.quantity() * factor);
        return source.measurement() == null || source.measurement().isBlank()
                ? number : number + " " + source.measurement().strip();
    }
}
