package dev.recipediff.core.compare;

import dev.recipediff.core.format.ReadableText;
import java.util.Set;

/**
 * Normalises ingredient names so that spellings of one ingredient compare equal: case, spacing and punctuation
 * ("Pie  crust"), camelCase ({@code pieCrust}) and simple English plurals (apples, eggs, berries, tomatoes,
 * peaches) all reduce to one form ("pie crust", "apple", "egg", "berry", "tomato", "peach").
 */
public final class IngredientNames {

    /** Words that end like plurals but are not (or whose singular is the same). */
    private static final Set<String> INVARIANT = Set.of(
            "molasses",
            "asparagus",
            "hummus",
            "couscous",
            "swiss",
            "citrus",
            "grits",
            "bass",
            "watercress",
            "cress",
            "series",
            "species",
            "hibiscus",
            "octopus",
            "schnapps",
            "brussels",
            "haggis");

    private IngredientNames() {}

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        name = ReadableText.line(name);
        StringBuilder out = new StringBuilder(name.length() + 4);
        StringBuilder word = new StringBuilder(16);
        char previous = ' ';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                boolean camelBoundary =
                        Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
                if (camelBoundary) {
                    flush(word, out);
                }
                word.append(Character.toLowerCase(c));
            } else {
                flush(word, out);
            }
            previous = c;
        }
        flush(word, out);
        return out.toString();
    }

    private static void flush(StringBuilder word, StringBuilder out) {
        if (word.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(singular(word.toString()));
        word.setLength(0);
    }

    static String singular(String word) {
        int n = word.length();
        if (n < 4 || word.charAt(n - 1) != 's' || INVARIANT.contains(word)) {
            return word;
        }
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("oes")
                || word.endsWith("ches")
                || word.endsWith("shes")
                || word.endsWith("sses")
                || word.endsWith("xes")
                || word.endsWith("zzes")) {
            return word.substring(0, n - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        return word.substring(0, n - 1);
    }
}
