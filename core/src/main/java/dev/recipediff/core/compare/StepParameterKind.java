package dev.recipediff.core.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** A number with a unit found in a step's text. Serialised as {@link #json()}. */
public enum StepParameterKind {
    TEMPERATURE("temperature"),
    DURATION("duration");

    private final String json;

    StepParameterKind(String json) {
        this.json = json;
    }

    /** The name in the difference schema. */
    @JsonValue
    public String json() {
        return json;
    }
}
