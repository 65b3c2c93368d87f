package dev.recipediff.core.units;

import static javax.measure.MetricPrefix.MILLI;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.quantity.Mass;
import javax.measure.quantity.Volume;
import systems.uom.common.USCustomary;
import tech.units.indriya.unit.Units;

/**
 * The units recipes are written in, with their aliases, each mapped to a factor to its base unit.
 *
 * <p>The factors are derived once, at class initialisation, from Indriya and uom-systems
 * ({@code USCustomary.TABLESPOON.getConverterTo(MILLI(LITRE))}); comparisons then multiply plain doubles.
 * Per-call Indriya quantities are far slower (see docs/performance.md, "Units"). Immutable and thread-safe.
 */
public final class UnitCatalog {

    /** The base unit of counts without a specific container ("unit", "piece", "whole", no unit at all). */
    public static final String COUNT_UNIT = "unit";

    private static final Map<String, CookingUnit> BY_ALIAS = buildAliases();

    private UnitCatalog() {
    }

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
        Unit<Volume> millilitre = MILLI(Units.LITRE);
        Unit<Mass> gram = Units.GRAM;
        Map<String, CookingUnit> aliases = new HashMap<>();

        volume(aliases, millilitre, USCustomary.TEASPOON, "tsp", "tsps", "teaspoon", "teaspoons", "ts");
        volume(aliases, millilitre, USCustomary.TABLESPOON,
                "tbsp", "tbsps", "tbs", "tbl", "tbls", "tb", "tablespoon", "tablespoons");
        volume(aliases, millilitre, USCustomary.CUP, "cup", "cups", "c");
        volume(aliases, millilitre, USCustomary.FLUID_OUNCE,
                "fl oz", "floz", "fluid ounce", "fluid ounces", "fl ounce", "fl ounces");
        volume(aliases, millilitre, USCustomary.PINT, "pint", "pints", "pt", "pts");
        volume(aliases, millilitre, USCustomary.GALLON_LIQUID.divide(4), "quart", "quarts", "qt", "qts");
        volume(aliases, millilitre, USCustomary.GALLON_LIQUID, "gallon", "gallons", "gal", "gals");
        volume(aliases, millilitre, millilitre, "ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters");
        volume(aliases, millilitre, Units.LITRE.divide(100), "cl", "centilitre", "centilitres", "centiliter", "centiliters");
        volume(aliases, millilitre, Units.LITRE.divide(10), "dl", "decilitre", "decilitres", "deciliter", "deciliters");
        volume(aliases, millilitre, Units.LITRE, "l", "litre", "litres", "liter", "liters", "ltr");

        mass(aliases, gram, gram, "g", "gs", "gr", "gram", "grams", "gramme", "grammes");
        mass(aliases, gram, MILLI(gram), "mg", "milligram", "milligrams");
        mass(aliases, gram, Units.KILOGRAM, "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms");
        mass(aliases, gram, USCustomary.OUNCE, "oz", "ozs", "ounce", "ounces");
        mass(aliases, gram, USCustomary.POUND, "lb", "lbs", "pound", "pounds");

        for (String alias : new String[] {"", COUNT_UNIT, "units", "piece", "pieces", "pc", "pcs", "whole", "each",
                "ea", "item", "items", "egg", "eggs", "large", "medium", "small", "x"}) {
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
        return Map.copyOf(aliases);
    }

    private static void volume(Map<String, CookingUnit> aliases, Unit<Volume> base, Unit<Volume> unit, String... names) {
        put(aliases, new CookingUnit("ml", Dimension.VOLUME, factor(unit, base)), names);
    }

    private static void mass(Map<String, CookingUnit> aliases, Unit<Mass> base, Unit<Mass> unit, String... names) {
        put(aliases, new CookingUnit("g", Dimension.MASS, factor(unit, base)), names);
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

    private static <Q extends Quantity<Q>> double factor(Unit<Q> unit, Unit<Q> base) {
        return unit.getConverterTo(base).convert(1.0);
    }
}
