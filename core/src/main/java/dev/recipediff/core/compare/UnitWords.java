package dev.recipediff.core.compare;

import dev.recipediff.core.format.ReadableText;
import dev.recipediff.core.units.Dimension;
import dev.recipediff.core.units.UnitCatalog;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unit words a line parser may leave at the start of a name ("1 c. flour" read as 1 unit of "c. flour", "2 stalks
 * celery", "1 knob ginger"): taken back out when comparing, so that a unit's spelling never becomes part of a name.
 */
final class UnitWords {

    /** Counted units the catalog does not list, as cooks write them. */
    private static final Set<String> EXTRA = Set.of(
            "stalk",
            "stalks",
            "knob",
            "knobs",
            "sprig",
            "sprigs",
            "ear",
            "ears",
            "fillet",
            "fillets",
            "leaf",
            "leaves",
            "rasher",
            "rashers",
            "strip",
            "strips",
            "cube",
            "cubes",
            "scoop",
            "scoops",
            "drop",
            "drops",
            "splash",
            "glug",
            "bag",
            "bags",
            "box",
            "boxes",
            "container",
            "containers",
            "envelope",
            "envelopes",
            "sheet",
            "sheets",
            "wedge",
            "wedges",
            "loaf",
            "loaves");
    /** Catalog words that are not units when they start a name ("large eggs", "whole milk"). */
    private static final Set<String> NOT_UNITS = Set.of(
            "large", "medium", "small", "whole", "egg", "eggs", "each", "ea", "x", "item", "items", "unit", "units",
            "l", "c", "t", "g");

    private static final Pattern LEADING =
            Pattern.compile("^\\s*([A-Za-z]+(?:\\s+oz)?)(\\.?)\\s+(?:of\\s+)?(\\S.*)$", Pattern.CASE_INSENSITIVE);

    /** The measurement to compare with (the unit word, or the count as written) and the rest of the name. */
    record Split(String unit, String rest) {}

    private UnitWords() {}

    /** The unit word {@code name} starts with when {@code measurement} is a bare count, else {@code null}. */
    static Split leading(String measurement, String name) {
        if (name == null
                || measurement != null
                        && !measurement.isBlank()
                        && !measurement.equalsIgnoreCase(UnitCatalog.COUNT_UNIT)) {
            return null;
        }
        Matcher m = LEADING.matcher(ReadableText.line(name));
        if (!m.matches()) {
            return null;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        boolean dotted = !m.group(2).isEmpty();
        if (NOT_UNITS.contains(word) && !(dotted && (word.equals("c") || word.equals("g")))) {
            return null;
        }
        boolean known = UnitCatalog.find(word)
                .map(u -> u.dimension() != Dimension.OTHER)
                .orElse(false);
        if (!known && !EXTRA.contains(word)) {
            return null;
        }
        // a counted word the catalog does not know stays a count: "2 stalks celery" = 2 celery
        return new Split(known ? word : measurement, m.group(3));
    }
}
