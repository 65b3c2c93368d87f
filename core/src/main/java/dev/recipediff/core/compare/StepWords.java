package dev.recipediff.core.compare;

import dev.recipediff.core.format.ReadableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A step's text as normalised words: lower case, punctuation dropped, numbers kept whole ("1.5"; "1,5" reads as
 * "1.5"), digits split from letters ("350F" → "350", "f") and the degree sign as a word of its own
 * ("350°F" → "350", "°", "f").
 */
final class StepWords {

    private StepWords() {}

    static String[] of(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String lower = ReadableText.line(text).toLowerCase(Locale.ROOT);
        int n = lower.length();
        List<String> words = new ArrayList<>(n / 5 + 2);
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if (c == '°' || c == 'º') {
                words.add("°");
                i++;
            } else if (Character.isDigit(c)) {
                int start = i;
                boolean comma = false;
                i++;
                while (i < n) {
                    char d = lower.charAt(i);
                    if (Character.isDigit(d)) {
                        i++;
                    } else if ((d == '.' || d == ',') && i + 1 < n && Character.isDigit(lower.charAt(i + 1))) {
                        comma |= d == ',';
                        i++;
                    } else {
                        break;
                    }
                }
                String number = lower.substring(start, i);
                words.add(comma ? number.replace(',', '.') : number);
            } else if (Character.isLetter(c)) {
                int start = i;
                i++;
                while (i < n && Character.isLetter(lower.charAt(i))) {
                    i++;
                }
                words.add(lower.substring(start, i));
            } else {
                i++;
            }
        }
        return words.toArray(new String[0]);
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0));
    }
}
