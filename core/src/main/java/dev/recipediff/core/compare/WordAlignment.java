package dev.recipediff.core.compare;

import java.util.ArrayList;
import java.util.List;

/** Longest common subsequence over words: how similar two steps are and which words changed. */
final class WordAlignment {

    private WordAlignment() {}

    /** 2·LCS / (|a| + |b|): 1 for the same words, 0 for nothing in common. */
    static double similarity(String[] a, String[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        return 2.0 * lcsLength(a, b) / (a.length + b.length);
    }

    static int lcsLength(String[] a, String[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1].equals(b[j - 1]) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** The runs of words that differ between {@code a} and {@code b}, in order. */
    static List<WordChange> changes(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<WordChange> changes = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                flush(removed, inserted, changes);
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                append(inserted, b[j++]);
            } else {
                append(removed, a[i++]);
            }
        }
        flush(removed, inserted, changes);
        return changes;
    }

    private static void append(StringBuilder run, String word) {
        if (!run.isEmpty()) {
            run.append(' ');
        }
        run.append(word);
    }

    private static void flush(StringBuilder removed, StringBuilder inserted, List<WordChange> changes) {
        if (!removed.isEmpty() || !inserted.isEmpty()) {
            changes.add(new WordChange(removed.toString(), inserted.toString()));
            removed.setLength(0);
            inserted.setLength(0);
        }
    }
}
