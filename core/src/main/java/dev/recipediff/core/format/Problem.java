package dev.recipediff.core.format;

import java.util.Objects;

/**
 * One thing wrong with a submitted document.
 *
 * @param pointer where: a JSON pointer (RFC 6901) into the submitted document; {@code ""} is the whole document
 * @param problem why, in plain words ("must be a number ≥ 0")
 */
public record Problem(String pointer, String problem) {

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + problem;
    }
}
