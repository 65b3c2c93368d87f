package dev.recipediff.local.bench;

/**
 * The kinds of make the benchmark generates, with how often each occurs (weights out of 100): mostly
 * realistic changes, a few made exactly as written, and a few files the pipeline must reject.
 */
public enum MakeVariation {
    EXACT(20, true),
    SUBSTITUTION(18, true),
    SCALED(14, true),
    QUANTITY_CHANGE(24, true),
    STEP_CHANGE(18, true),
    INVALID_JSON(2, false),
    WRONG_TYPES(2, false),
    MISSING_RECIPE_ID(2, false);

    private final int weight;
    private final boolean valid;

    MakeVariation(int weight, boolean valid) {
        this.weight = weight;
        this.valid = valid;
    }

    public int weight() {
        return weight;
    }

    /** Whether the pipeline records this make (true) or writes a rejection report for it (false). */
    public boolean valid() {
        return valid;
    }

    static int totalWeight() {
        int total = 0;
        for (MakeVariation variation : values()) {
            total += variation.weight;
        }
        return total;
    }
}
