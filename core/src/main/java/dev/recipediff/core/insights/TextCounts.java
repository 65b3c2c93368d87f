package dev.recipediff.core.insights;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each text of a change was written (the substitute's line, an added step): at most
 * {@link #MAX_TEXTS} distinct texts; a text first seen when the list is full is counted in {@code others}.
 *
 * @param counts per text, how many makes wrote it
 * @param others makes whose text was not kept
 */
public record TextCounts(Map<String, Long> counts, long others) {

    public static final int MAX_TEXTS = 5;

    public TextCounts {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    public static TextCounts empty() {
        return new TextCounts(Map.of(), 0);
    }

    public TextCounts plus(String text) {
        if (text == null) {
            return this;
        }
        if (!counts.containsKey(text) && counts.size() >= MAX_TEXTS) {
            return new TextCounts(counts, others + 1);
        }
        Map<String, Long> more = new TreeMap<>(counts);
        more.merge(text, 1L, Long::sum);
        return new TextCounts(more, others);
    }

    /** The most frequent text (ties: the first in text order); {@code null} when none. */
    public String mostFrequent() {
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
