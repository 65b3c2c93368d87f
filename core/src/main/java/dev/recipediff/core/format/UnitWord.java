package dev.recipediff.core.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The unit words {@link IngredientLineParser} recognises in a free-text ingredient line — the one list of
 * them. Matching ignores case and a trailing dot ({@code Tbsp.}), except the one-letter forms: {@code T} is a
 * tablespoon and {@code t} a teaspoon, as cookbooks write them. This only <em>recognises</em> words; converting
 * between units is {@code dev.recipediff.core.units}' job.
 */
public enum UnitWord {
    TEASPOON("tsp", "tsp", "tsps", "teaspoon", "teaspoons"),
    TABLESPOON("tbsp", "tbsp", "tbsps", "tbs", "tbl", "tablespoon", "tablespoons"),
    CUP("cup", "cup", "cups"),
    FLUID_OUNCE("fl oz", "fl oz", "fl. oz", "fl.oz", "floz", "fluid ounce", "fluid ounces"),
    MILLILITER("ml", "ml", "milliliter", "milliliters", "millilitre", "millilitres"),
    LITER("l", "l", "liter", "liters", "litre", "litres"),
    PINT("pint", "pint", "pints", "pt"),
    QUART("quart", "quart", "quarts", "qt"),
    GALLON("gallon", "gallon", "gallons", "gal"),
    GRAM("g", "g", "gram", "grams"),
    KILOGRAM("kg", "kg", "kilogram", "kilograms"),
    OUNCE("oz", "oz", "ounce", "ounces"),
    POUND("lb", "lb", "lbs", "pound", "pounds"),
    CLOVE("clove", "clove", "cloves"),
    CAN("can", "can", "cans"),
    PIECE("piece", "piece", "pieces"),
    WHOLE("whole", "whole"),
    SLICE("slice", "slice", "slices"),
    PINCH("pinch", "pinch", "pinches"),
    DASH("dash", "dash", "dashes"),
    STICK("stick", "stick", "sticks");

    private static final Map<String, UnitWord> BY_WORD = new HashMap<>();
    /** The longest alias, in words ("fluid ounces" = 2). */
    static final int MAX_WORDS = 2;

    static {
        for (UnitWord unit : values()) {
            for (String alias : unit.aliases) {
                BY_WORD.put(alias, unit);
            }
        }
    }

    private final String symbol;
    private final List<String> aliases;

    UnitWord(String symbol, String... aliases) {
        this.symbol = symbol;
        this.aliases = List.of(aliases);
    }

    /** A short conventional symbol ("tsp", "fl oz", "clove"). */
    public String symbol() {
        return symbol;
    }

    /** Every spelling recognised, lower case. */
    public List<String> aliases() {
        return aliases;
    }

    /** The unit a word (or two, "fl oz") stands for, if it is one. */
    public static Optional<UnitWord> of(String word) {
        if (word.equals("T")) {
            return Optional.of(TABLESPOON);
        }
        if (word.equals("t")) {
            return Optional.of(TEASPOON);
        }
        String key = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        return Optional.ofNullable(BY_WORD.get(key));
    }
}
