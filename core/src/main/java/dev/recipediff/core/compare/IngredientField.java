package dev.recipediff.core.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which field of an ingredient changed. Serialised as {@link #json()}. */
public enum IngredientField {
    QUANTITY("quantity"),
    MEASUREMENT("measurement"),
    INGREDIENT_NAME("ingredientName");

    private final String json;

    IngredientField(String json) {
        this.json = json;
    }

    /** The name in the difference schema. */
    @JsonValue
    public String json() {
        return json;
    }
}
