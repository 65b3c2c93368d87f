package dev.recipediff.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code difference} object of the original schema: what the recipe says and what the make says, as text.
 * An absent side (an added or removed thing) is the empty string.
 *
 * @param recipe what the recipe says
 * @param make   what the make says
 * @param stepId the step's id, for instruction differences (the recipe's id, or the make's for an added step)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"recipe", "make", "stepId"})
public record Sides(String recipe, String make, Long stepId) {

    public Sides {
        recipe = recipe == null ? "" : recipe;
        make = make == null ? "" : make;
    }

    public static Sides of(String recipe, String make) {
        return new Sides(recipe, make, null);
    }
}
