package dev.recipediff.core.compare;

import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A step with its normalised words computed once.
 *
 * @param index  position in its document (0-based)
 * @param source the step as read
 * @param words  normalised words ({@link StepWords})
 */
record PreparedStep(int index, Step source, String[] words) {

    static List<PreparedStep> of(List<Step> steps) {
        List<PreparedStep> prepared = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            prepared.add(new PreparedStep(i, steps.get(i), StepWords.of(steps.get(i).stepText())));
        }
        return prepared;
    }

    Long id() {
        return source.stepId();
    }

    String text() {
        return source.stepText() == null ? "" : source.stepText();
    }

    boolean sameWords(PreparedStep other) {
        return Arrays.equals(words, other.words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedStep other && index == other.index && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return 31 * index + source.hashCode();
    }

    @Override
    public String toString() {
        return "PreparedStep[" + index + ", " + source + "]";
    }
}
