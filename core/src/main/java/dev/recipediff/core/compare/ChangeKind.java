package dev.recipediff.core.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of change a difference is. Serialised as {@link #json()}. */
public enum ChangeKind {
    ADDED("added"),
    REMOVED("removed"),
    MODIFIED("modified"),
    SUBSTITUTED("substituted"),
    SCALED("scaled"),
    REORDERED("reordered");

    private final String json;

    ChangeKind(String json) {
        this.json = json;
    }

    /** The name in the difference schema. */
    @JsonValue
    public String json() {
        return json;
    }
}
