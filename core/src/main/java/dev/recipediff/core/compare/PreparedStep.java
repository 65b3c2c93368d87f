package dev.recipediff.core.compare;

import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A step with its normalised words, computed at most once and only when needed: two steps written identically
 * are the same without tokenising either. Confined to one {@code compare} call.
 */
final class PreparedStep implements IdPairing.Identified {

    private final int index;
    private final Step source;
    private String[] words;

    private PreparedStep(int index, Step source) {
        this.index = index;
        this.source = source;
    }

    static List<PreparedStep> of(List<Step> steps) {
        List<PreparedStep> prepared = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            prepared.add(new PreparedStep(i, steps.get(i)));
        }
        return prepared;
    }

    /** Position in its document (0-based). */
    @Override
    public int index() {
        return index;
    }

    @Override
    public Long id() {
        return source.stepId();
    }

    String text() {
        return source.stepText() == null ? "" : source.stepText();
    }

    /** The normalised words ({@link StepWords}). */
    String[] words() {
        if (words == null) {
            words = StepWords.of(source.stepText());
        }
        return words;
    }

    /** Whether both say the same words (case, spacing and punctuation aside). */
    boolean sameWords(PreparedStep other) {
        return Objects.equals(source.stepText(), other.source.stepText()) || Arrays.equals(words(), other.words());
    }
}
