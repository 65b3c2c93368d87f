package dev.recipediff.core.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which part of the recipe a difference is about. Serialised as {@link #json()}. */
public enum RecipeField {
    RATING("rating"),
    INGREDIENT("ingredient"),
    INSTRUCTION("instruction"),
    NAME("name"),
    SERVINGS("servings"),
    SCALE("scale");

    private final String json;

    RecipeField(String json) {
        this.json = json;
    }

    /** The name in the difference schema. */
    @JsonValue
    public String json() {
        return json;
    }
}
