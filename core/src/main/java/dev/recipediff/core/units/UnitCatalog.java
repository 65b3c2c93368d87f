package dev.recipediff.core.units;

import dev.recipediff.core.format.UnitWord;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The units recipes are written in, with their aliases, each mapped to a factor to its base unit. The spellings
 * of the volume and mass units are {@link UnitWord}'s (the words the line parser recognises), plus a few more.
 *
 * <p>The factors are the constants of {@link UnitFactors}, which a test derives again from Indriya and
 * uom-systems ({@code USCustomary.TABLESPOON.getConverterTo(MILLI(LITRE))}); comparisons multiply plain
 * doubles. Indriya is not loaded at run time: per-call quantities are ~100× slower and loading it costs about
 * a second of cold start (see docs/performance.md, "Units"). Immutable and thread-safe.
 */
public final class UnitCatalog {

    /** The base unit of counts without a specific container ("unit", "piece", "whole", no unit at all). */
    public static final String COUNT_UNIT = "unit";

    private static final Map<String, CookingUnit> BY_ALIAS = buildAliases();

    private UnitCatalog() {}

    /** The unit written as {@code measurement} (case-insensitive, aliases and plurals), if the catalog knows it. */
    public static Optional<CookingUnit> find(String measurement) {
        return Optional.ofNullable(BY_ALIAS.get(key(measurement)));
    }

    /**
     * {@code quantity measurement} in the base unit of its dimension. A missing or empty measurement is a plain
     * count ("2 eggs"); an unknown one stays as written (normalised spelling), comparable only with itself.
     */
    public static NormalizedQuantity normalize(double quantity, String measurement) {
        CookingUnit unit = measurement == null || measurement.length() == 1 ? null : BY_ALIAS.get(measurement);
        if (unit != null) {
            return unit.of(quantity);
        }
        String key = key(measurement);
        unit = BY_ALIAS.get(key);
        if (unit != null) {
            return unit.of(quantity);
        }
        return new NormalizedQuantity(quantity, key, Dimension.OTHER);
    }

    /** The lookup key of a measurement: "T" and "t" keep their case (tablespoon, teaspoon), the rest is folded. */
    static String key(String measurement) {
        if (measurement == null) {
            return "";
        }
        String trimmed = measurement.strip();
        if (trimmed.equals("T")) {
            return "tbsp";
        }
        if (trimmed.equals("t")) {
            return "tsp";
        }
        StringBuilder folded = new StringBuilder(trimmed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && !folded.isEmpty()) {
                    folded.append(' ');
                }
                pendingSpace = false;
                folded.append(Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, CookingUnit> buildAliases() {
        Map<String, CookingUnit> aliases = new HashMap<>();

        volume(aliases, UnitFactors.TEASPOON_ML, UnitWord.TEASPOON, "ts");
        volume(aliases, UnitFactors.TABLESPOON_ML, UnitWord.TABLESPOON);
        volume(aliases, UnitFactors.CUP_ML, UnitWord.CUP);
        volume(aliases, UnitFactors.FLUID_OUNCE_ML, UnitWord.FLUID_OUNCE);
        volume(aliases, UnitFactors.PINT_ML, UnitWord.PINT);
        volume(aliases, UnitFactors.QUART_ML, UnitWord.QUART);
        volume(aliases, UnitFactors.GALLON_ML, UnitWord.GALLON, "gals");
        volume(aliases, UnitFactors.MILLILITRE_ML, UnitWord.MILLILITER);
        volume(aliases, UnitFactors.CENTILITRE_ML, UnitWord.CENTILITER);
        volume(aliases, UnitFactors.DECILITRE_ML, UnitWord.DECILITER);
        volume(aliases, UnitFactors.LITRE_ML, UnitWord.LITER);

        mass(aliases, UnitFactors.GRAM_G, UnitWord.GRAM, "gs");
        mass(aliases, UnitFactors.MILLIGRAM_G, UnitWord.MILLIGRAM);
        mass(aliases, UnitFactors.KILOGRAM_G, UnitWord.KILOGRAM);
        mass(aliases, UnitFactors.OUNCE_G, UnitWord.OUNCE);
        mass(aliases, UnitFactors.POUND_G, UnitWord.POUND);

        for (String alias : new String[] {
            "",
            COUNT_UNIT,
            "units",
            "piece",
            "pieces",
            "pc",
            "pcs",
            "whole",
            "each",
            "ea",
            "item",
            "items",
            "egg",
            "eggs",
            "large",
            "medium",
            "small",
            "x"
        }) {
            aliases.put(alias, new CookingUnit(COUNT_UNIT, Dimension.COUNT, 1.0));
        }
        containers(aliases, "clove", "cloves");
        containers(aliases, "can", "cans", "tin", "tins");
        containers(aliases, "slice", "slices");
        containers(aliases, "stick", "sticks");
        containers(aliases, "pinch", "pinches");
        containers(aliases, "dash", "dashes");
        containers(aliases, "bunch", "bunches");
        containers(aliases, "sprig", "sprigs");
        containers(aliases, "package", "packages", "pkg", "pack", "packs", "packet", "packets");
        containers(aliases, "head", "heads");
        containers(aliases, "handful", "handfuls");
        containers(aliases, "jar", "jars");
        containers(aliases, "bottle", "bottles");
        // the counted things and packages the ingredient-line parser reads (core.format.UnitWord)
        containers(aliases, "stalk", "stalks");
        containers(aliases, "stem", "stems");
        containers(aliases, "rib", "ribs");
        containers(aliases, "spear", "spears");
        containers(aliases, "ear", "ears");
        containers(aliases, "bulb", "bulbs");
        containers(aliases, "leaf", "leaves");
        containers(aliases, "knob", "knobs");
        containers(aliases, "sheet", "sheets");
        containers(aliases, "rasher", "rashers");
        containers(aliases, "strip", "strips");
        containers(aliases, "loaf", "loaves");
        containers(aliases, "wedge", "wedges");
        containers(aliases, "chunk", "chunks");
        containers(aliases, "cube", "cubes");
        containers(aliases, "ball", "balls");
        containers(aliases, "branch", "branches");
        containers(aliases, "splash", "splashes");
        containers(aliases, "drop", "drops");
        containers(aliases, "glug", "glugs");
        containers(aliases, "dollop", "dollops");
        containers(aliases, "shot", "shots");
        containers(aliases, "scoop", "scoops");
        containers(aliases, "rack", "racks");
        containers(aliases, "wheel", "wheels");
        containers(aliases, "recipe", "recipes");
        containers(aliases, "batch", "batches");
        containers(aliases, "bag", "bags");
        containers(aliases, "box", "boxes");
        containers(aliases, "carton", "cartons");
        containers(aliases, "container", "containers");
        containers(aliases, "tub", "tubs");
        containers(aliases, "pot", "pots");
        containers(aliases, "punnet", "punnets");
        containers(aliases, "sachet", "sachets");
        containers(aliases, "envelope", "envelopes");
        containers(aliases, "glass", "glasses");
        return Map.copyOf(aliases);
    }

    /** Every spelling the line parser knows for {@code word} (the one list, {@link UnitWord}), and {@code more}. */
    private static void volume(Map<String, CookingUnit> aliases, double millilitres, UnitWord word, String... more) {
        CookingUnit unit = new CookingUnit("ml", Dimension.VOLUME, millilitres);
        put(aliases, unit, word.aliases().toArray(String[]::new));
        put(aliases, unit, more);
    }

    private static void mass(Map<String, CookingUnit> aliases, double grams, UnitWord word, String... more) {
        CookingUnit unit = new CookingUnit("g", Dimension.MASS, grams);
        put(aliases, unit, word.aliases().toArray(String[]::new));
        put(aliases, unit, more);
    }

    private static void containers(Map<String, CookingUnit> aliases, String singular, String... names) {
        CookingUnit unit = new CookingUnit(singular, Dimension.COUNT, 1.0);
        aliases.put(singular, unit);
        put(aliases, unit, names);
    }

    private static void put(Map<String, CookingUnit> aliases, CookingUnit unit, String... names) {
        for (String name : names) {
            aliases.put(name, unit);
        }
    }
}
