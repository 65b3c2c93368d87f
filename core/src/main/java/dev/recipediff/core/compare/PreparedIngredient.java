package dev.recipediff.core.compare;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.units.NormalizedQuantity;
import dev.recipediff.core.units.UnitCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ingredient with its normalised name and normalised quantity, each computed at most once and only when
 * needed: two lines written identically compare equal without normalising either (the common case of a make).
 * Confined to one {@code compare} call (not shared between threads).
 */
final class PreparedIngredient implements IdPairing.Identified {

    private final int index;
    private final Ingredient source;
    private String name;
    private String measurement;
    private boolean split;
    private NormalizedQuantity quantity;
    private boolean quantityDone;

    private PreparedIngredient(int index, Ingredient source) {
        this.index = index;
        this.source = source;
    }

    static List<PreparedIngredient> of(List<Ingredient> ingredients) {
        List<PreparedIngredient> prepared = new ArrayList<>(ingredients.size());
        for (int i = 0; i < ingredients.size(); i++) {
            prepared.add(new PreparedIngredient(i, ingredients.get(i)));
        }
        return prepared;
    }

    /** Position in its document (0-based). */
    @Override
    public int index() {
        return index;
    }

    Ingredient source() {
        return source;
    }

    @Override
    public Long id() {
        return source.ingredientId();
    }

    /** The normalised name ({@link IngredientNames}), without a unit word the line parser left in it. */
    String name() {
        if (name == null) {
            splitUnitWord();
            name = IngredientNames.normalize(name == null ? source.ingredientName() : name);
        }
        return name;
    }

    /** The measurement: as written, or the unit word a count's name starts with ("1 unit" "c. flour" = 1 c). */
    String measurement() {
        splitUnitWord();
        return measurement;
    }

    private void splitUnitWord() {
        if (split) {
            return;
        }
        split = true;
        measurement = source.measurement();
        UnitWords.Split leading =
                source.quantity() == null ? null : UnitWords.leading(source.measurement(), source.ingredientName());
        if (leading != null) {
            measurement = leading.unit();
            name = leading.rest();
        }
    }

    /** The normalised quantity; {@code null} when the ingredient has none ("salt to taste"). */
    NormalizedQuantity quantity() {
        if (!quantityDone) {
            quantity = source.quantity() == null ? null : UnitCatalog.normalize(source.quantity(), measurement());
            quantityDone = true;
        }
        return quantity;
    }

    /** Whether the two write their amounts in different units (a restatement may round). */
    boolean otherUnitThan(PreparedIngredient other) {
        String a = measurement();
        String b = other.measurement();
        if (Objects.equals(a, b)) {
            return false;
        }
        return !UnitCatalog.find(a == null ? "" : a).equals(UnitCatalog.find(b == null ? "" : b))
                || UnitCatalog.find(a == null ? "" : a).isEmpty();
    }

    boolean hasQuantity() {
        return source.quantity() != null;
    }

    boolean sameName(PreparedIngredient other) {
        return Objects.equals(source.ingredientName(), other.source.ingredientName()) || name().equals(other.name());
    }

    /** Whether quantity and measurement are written identically (then equal without normalising). */
    boolean sameAmountAsWritten(PreparedIngredient other) {
        return Objects.equals(source.quantity(), other.source.quantity())
                && Objects.equals(source.measurement(), other.source.measurement());
    }

    /** Whether the amounts are equal after scaling this one by {@code factor} (both absent counts as equal). */
    boolean sameAmount(PreparedIngredient other, double factor) {
        if (factor == 1.0 && sameAmountAsWritten(other)) {
            return true;
        }
        if (quantity() == null || other.quantity() == null) {
            return quantity() == null && other.quantity() == null;
        }
        return KitchenTolerance.same(
                quantity(), other.quantity(), factor, factor != 1.0 || otherUnitThan(other), other.source.quantity());
    }

    /** "0.5 TBS cinnamon" as written. */
    String describe() {
        String amount = amount();
        String written = source.ingredientName() == null ? name() : source.ingredientName();
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
                ? number
                : number + " " + source.measurement().strip();
    }
}
