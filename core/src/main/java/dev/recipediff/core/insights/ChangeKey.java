package dev.recipediff.core.insights;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What groups differences that mean the same change, across makes: "more cinnamon", "oven of step 2 hotter",
 * "buttermilk → milk". Built from the differences' machine fields only (see {@link ChangeKeys}); absent fields
 * are left out of the JSON.
 *
 * @param recipeField     which part of the recipe ({@code ingredient}, {@code instruction}, {@code scale},
 *                        {@code servings}, {@code name})
 * @param change          {@code added}, {@code removed}, {@code substituted}, {@code reordered}, or {@code modified}
 *                        for a reworded step or a changed name; absent for a quantity, measurement, scale, servings
 *                        or step parameter change (those are modifications, told apart by the other fields)
 * @param ingredient      the ingredient's normalised name
 * @param ingredientField {@code quantity}, {@code measurement} or {@code ingredientName}
 * @param parameter       {@code temperature} or {@code duration}
 * @param stepPosition    the step's 1-based position in the recipe (in the make, for an added step)
 * @param direction       {@code up} or {@code down}: quantities, scale, servings and step parameters
 * @param to              the substitute's normalised name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "recipeField",
    "change",
    "ingredient",
    "ingredientField",
    "parameter",
    "stepPosition",
    "direction",
    "to"
})
public record ChangeKey(
        String recipeField,
        String change,
        String ingredient,
        String ingredientField,
        String parameter,
        Integer stepPosition,
        String direction,
        String to) {

    public static final String UP = "up";
    public static final String DOWN = "down";

    /** A stable order of keys: by their {@link #id()}. */
    public static final Comparator<ChangeKey> ORDER = Comparator.comparing(ChangeKey::id);

    public ChangeKey {
        Objects.requireNonNull(recipeField, "recipeField");
    }

    /** One text naming the key, the same for equal keys ("ingredient|||cinnamon|quantity|||up|"). */
    @JsonIgnore
    public String id() {
        StringJoiner id = new StringJoiner("|");
        id.add(recipeField)
                .add(part(change))
                .add(part(ingredient))
                .add(part(ingredientField))
                .add(part(parameter))
                .add(stepPosition == null ? "" : String.format("%04d", stepPosition))
                .add(part(direction))
                .add(part(to));
        return id.toString();
    }

    /** Whether the key's typical value is a number (a quantity ratio, a step parameter, a factor, servings). */
    @JsonIgnore
    public boolean numeric() {
        return direction != null;
    }

    private static String part(String value) {
        return value == null ? "" : value;
    }
}
