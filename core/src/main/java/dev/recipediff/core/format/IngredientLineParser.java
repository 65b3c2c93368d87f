package dev.recipediff.core.format;

import dev.recipediff.core.model.Ingredient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a free-text ingredient line (schema.org {@code recipeIngredient}) into quantity, unit, name and
 * preparation, keeping the original line in {@link Ingredient#text()}. Stateless and thread-safe.
 *
 * <p>Choices (each one pinned by a test):
 * <ul>
 *   <li>Quantities: integers, decimals ({@code 1.5}, {@code .5}), fractions ({@code 1/2}), mixed numbers
 *       ({@code 1 1/2}, {@code 1-1/2}), unicode fractions ({@code ½ ¼ ¾ ⅓ ⅔ ⅛ …}, also glued: {@code 1½}),
 *       and "a"/"an" before a unit word ("a pinch of salt" = 1 pinch).</li>
 *   <li>Ranges ({@code 6 to 8}, {@code 2-3}, {@code 2–3}, {@code 2 or 3}) take the <b>lower</b> bound: the least
 *       the recipe asks for. The range itself stays in the original text.</li>
 *   <li>Units are the words of {@link UnitWord}, written as found ("teaspoons", "TBS"); the lone "t" becomes
 *       "tsp" because case-insensitive readers would take it for "T" (tablespoon). A unit word without a number
 *       but followed by "of" means one ("pinch of salt").</li>
 *   <li>A count without a unit word ("6 large eggs") gets the measurement {@code "unit"}, as the original format
 *       writes counts, so a JSON-LD recipe compares cleanly with an original-format make.</li>
 *   <li>Size words (large, medium, small, extra-large, jumbo) leading the name move to the preparation:
 *       "6 large eggs" = 6 unit "eggs", preparation "large".</li>
 *   <li>Parenthesised notes ("(28-ounce)"), text after the first comma ("minced") and trailing phrases
 *       ("to taste", "as needed", "for serving", "for garnish", "optional") form the preparation, joined by ", ".</li>
 *   <li>No number at all ("salt to taste"): quantity and measurement are {@code null}.</li>
 * </ul>
 */
public final class IngredientLineParser {

    private static final Map<Character, String> UNICODE_FRACTIONS = Map.ofEntries(
            Map.entry('½', "1/2"), Map.entry('⅓', "1/3"), Map.entry('⅔', "2/3"), Map.entry('¼', "1/4"),
            Map.entry('¾', "3/4"), Map.entry('⅕', "1/5"), Map.entry('⅖', "2/5"), Map.entry('⅗', "3/5"),
            Map.entry('⅘', "4/5"), Map.entry('⅙', "1/6"), Map.entry('⅚', "5/6"), Map.entry('⅛', "1/8"),
            Map.entry('⅜', "3/8"), Map.entry('⅝', "5/8"), Map.entry('⅞', "7/8"));

    private static final String AMOUNT = "\\d+ \\d+/\\d+|\\d+/\\d+|\\d+(?:\\.\\d+)?|\\.\\d+";
    private static final Pattern QUANTITY = Pattern.compile(
            "^(?<first>" + AMOUNT + ")(?:\\s*(?:-|to|or)\\s*(?<second>" + AMOUNT + "))?(?=[\\s\\p{L}]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARTICLE = Pattern.compile("^(?:a|an|one)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern TRAILING_PHRASE = Pattern.compile(
            "\\s*,?\\s*\\b(?:or\\s+)?(to taste|as needed|for serving|for garnish|optional)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile(
            "^(extra[- ]large|large|medium|small|jumbo)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OF = Pattern.compile("^of\\s+", Pattern.CASE_INSENSITIVE);

    /** The ingredient a line describes; {@code ingredientId} is {@code null}, {@code text} the line as given. */
    public Ingredient parse(String line) {
        Objects.requireNonNull(line, "line");
        String rest = normalize(line);
        List<String> preparation = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        rest = extractParentheses(rest, notes);

        Double quantity = null;
        Matcher amount = QUANTITY.matcher(rest);
        if (amount.find()) {
            quantity = quantity(amount.group("first"), amount.group("second"));
            if (quantity != null) {
                rest = rest.substring(amount.end()).strip();
            }
        }
        boolean article = false;
        if (quantity == null) {
            Matcher articleMatch = ARTICLE.matcher(rest);
            if (articleMatch.find() && unitAtStart(rest.substring(articleMatch.end())).isPresent()) {
                article = true;
                rest = rest.substring(articleMatch.end());
            }
        }

        String measurement = null;
        Optional<UnitMatch> unit = unitAtStart(rest);
        if (unit.isPresent()) {
            String afterUnit = rest.substring(unit.get().length()).strip();
            Matcher of = OF.matcher(afterUnit);
            boolean followedByOf = of.find();
            if (quantity != null || article || followedByOf) {
                measurement = unit.get().written();
                rest = followedByOf ? afterUnit.substring(of.end()) : afterUnit;
                if (quantity == null) {
                    quantity = 1.0;
                }
            }
        } else if (quantity != null) {
            measurement = "unit";
            Matcher of = OF.matcher(rest);
            if (of.find()) {
                rest = rest.substring(of.end());
            }
        }

        String name = rest;
        String afterComma = null;
        int comma = name.indexOf(',');
        if (comma >= 0) {
            afterComma = name.substring(comma + 1).strip();
            name = name.substring(0, comma).strip();
        }
        String trailing = null;
        Matcher phrase = TRAILING_PHRASE.matcher(name);
        if (phrase.find()) {
            trailing = phrase.group(1).toLowerCase(Locale.ROOT);
            name = name.substring(0, phrase.start()).strip();
        }
        Matcher size = SIZE.matcher(name);
        if (size.find() && size.end() < name.length()) {
            preparation.add(size.group(1).toLowerCase(Locale.ROOT));
            name = name.substring(size.end()).strip();
        }
        preparation.addAll(notes);
        addIfPresent(preparation, afterComma);
        addIfPresent(preparation, trailing);

        if (name.isBlank()) {
            name = line.strip();
        }
        String joined = preparation.isEmpty() ? null : String.join(", ", preparation);
        return new Ingredient(null, quantity, measurement, name, joined, line);
    }

    private static String normalize(String line) {
        StringBuilder text = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String fraction = UNICODE_FRACTIONS.get(c);
            if (fraction != null) {
                text.append(' ').append(fraction).append(' ');
            } else if (c == '⁄') {
                text.append('/');
            } else if (c == '–' || c == '—') {
                text.append('-');
            } else {
                text.append(c);
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static String extractParentheses(String text, List<String> notes) {
        Matcher matcher = PARENTHESES.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            addIfPresent(notes, matcher.group(1).strip());
            matcher.appendReplacement(rest, " ");
        }
        matcher.appendTail(rest);
        return rest.toString().replaceAll("\\s+", " ").strip();
    }

    /** The quantity of an amount or of a range's lower bound; {@code null} when it is not a usable number. */
    private static Double quantity(String first, String second) {
        Double a = amount(first);
        if (a == null || second == null) {
            return a;
        }
        Double b = amount(second);
        if (b == null) {
            return a;
        }
        // "1-1/2" is one and a half, not a range from 1 down to 1/2
        boolean mixedNumber = second.contains("/") && !second.contains(" ") && b < 1 && !first.contains("/");
        return mixedNumber ? a + b : Math.min(a, b);
    }

    private static Double amount(String text) {
        String[] parts = text.strip().split(" ");
        double total = 0;
        for (String part : parts) {
            double value;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                double numerator = Double.parseDouble(part.substring(0, slash));
                double denominator = Double.parseDouble(part.substring(slash + 1));
                if (denominator == 0) {
                    return null;
                }
                value = numerator / denominator;
            } else {
                value = Double.parseDouble(part);
            }
            total += value;
        }
        return Double.isFinite(total) ? total : null;
    }

    private record UnitMatch(String written, int length) {
    }

    /** The unit word (or two) the text starts with, if any. */
    private static Optional<UnitMatch> unitAtStart(String text) {
        String[] words = text.split(" ", UnitWord.MAX_WORDS + 1);
        for (int count = Math.min(UnitWord.MAX_WORDS, words.length); count >= 1; count--) {
            String candidate = String.join(" ", Arrays.asList(words).subList(0, count));
            Optional<UnitWord> unit = UnitWord.of(candidate);
            if (unit.isPresent()) {
                String written = candidate.equals("t") ? UnitWord.TEASPOON.symbol() : stripDot(candidate);
                return Optional.of(new UnitMatch(written, candidate.length()));
            }
        }
        return Optional.empty();
    }

    private static String stripDot(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }
}
