package dev.recipediff.core.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's text as normalised words: lower case, punctuation dropped, numbers kept whole ("1.5"), digits split
 * from letters ("350F" → "350", "f") and the degree sign as a word of its own ("350°F" → "350", "°", "f").
 */
final class StepWords {

    private StepWords() {
    }

    static String[] of(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder(16);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '°' || c == 'º') {
                flush(word, words);
                words.add("°");
            } else if (Character.isLetter(c)) {
                if (!word.isEmpty() && Character.isDigit(word.charAt(word.length() - 1))) {
                    flush(word, words);
                }
                word.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c)) {
                if (!word.isEmpty() && !isNumberChar(word.charAt(word.length() - 1))) {
                    flush(word, words);
                }
                word.append(c);
            } else if ((c == '.' || c == ',') && !word.isEmpty() && Character.isDigit(word.charAt(word.length() - 1))
                    && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                word.append('.');
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words.toArray(new String[0]);
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.';
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0));
    }
}
