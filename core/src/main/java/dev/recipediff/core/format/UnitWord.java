package dev.recipediff.core.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The unit words {@link IngredientLineParser} recognises in a free-text ingredient line — the one list of
 * them: measures (volume, mass, length), the counted things cooks measure by (clove, sprig, bunch, handful…)
 * and packages (can, tin, jar, packet…), with the metric words of European sites ({@code gr}, {@code dl},
 * {@code cl}, {@code EL}/{@code TL}, {@code c. à soupe}). Matching ignores case, dots ({@code Tbsp.},
 * {@code c. à s.}) and repeated spaces, except the one-letter forms: {@code T} is a tablespoon and {@code t} a
 * teaspoon, as cookbooks write them ({@code c}/{@code C} is a cup either way). This only <em>recognises</em>
 * words; converting between units is {@code dev.recipediff.core.units}' job.
 */
public enum UnitWord {
    TEASPOON(
            Kind.MEASURE,
            "tsp",
            "tsp",
            "tsps",
            "tspn",
            "teaspoon",
            "teaspoons",
            "teaspoonful",
            "teaspoonfuls",
            "tl",
            "c à c",
            "c à café",
            "cuillère à café",
            "cuillères à café",
            "cuil à café"),
    TABLESPOON(
            Kind.MEASURE,
            "tbsp",
            "tbsp",
            "tbsps",
            "tbs",
            "tbl",
            "tbls",
            "tb",
            "tbsn",
            "tablespoon",
            "tablespoons",
            "tablespoonful",
            "tablespoonfuls",
            "el",
            "c à s",
            "c à soupe",
            "cuillère à soupe",
            "cuillères à soupe",
            "cuil à soupe"),
    DESSERTSPOON(Kind.MEASURE, "dsp", "dsp", "dessertspoon", "dessertspoons", "dessert spoon", "dessert spoons"),
    CUP(Kind.MEASURE, "cup", "cup", "cups", "c", "cupful", "cupfuls"),
    FLUID_OUNCE(Kind.MEASURE, "fl oz", "fl oz", "floz", "fl ounce", "fl ounces", "fluid ounce", "fluid ounces"),
    MILLILITER(Kind.MEASURE, "ml", "ml", "mls", "milliliter", "milliliters", "millilitre", "millilitres"),
    CENTILITER(Kind.MEASURE, "cl", "cl", "centiliter", "centiliters", "centilitre", "centilitres"),
    DECILITER(Kind.MEASURE, "dl", "dl", "deciliter", "deciliters", "decilitre", "decilitres"),
    LITER(Kind.MEASURE, "l", "l", "ltr", "liter", "liters", "litre", "litres"),
    PINT(Kind.MEASURE, "pint", "pint", "pints", "pt", "pts"),
    QUART(Kind.MEASURE, "quart", "quart", "quarts", "qt", "qts"),
    GALLON(Kind.MEASURE, "gallon", "gallon", "gallons", "gal"),
    MILLIGRAM(Kind.MEASURE, "mg", "mg", "milligram", "milligrams"),
    GRAM(Kind.MEASURE, "g", "g", "gr", "grs", "gram", "grams", "gramme", "grammes"),
    KILOGRAM(Kind.MEASURE, "kg", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"),
    OUNCE(Kind.MEASURE, "oz", "oz", "ozs", "ounce", "ounces"),
    POUND(Kind.MEASURE, "lb", "lb", "lbs", "pound", "pounds"),
    MILLIMETER(Kind.MEASURE, "mm", "mm", "millimeter", "millimeters", "millimetre", "millimetres"),
    CENTIMETER(Kind.MEASURE, "cm", "cm", "cms", "centimeter", "centimeters", "centimetre", "centimetres"),
    INCH(Kind.MEASURE, "inch", "inch", "inches", "in"),
    CLOVE(Kind.COUNT, "clove", "clove", "cloves"),
    PIECE(Kind.COUNT, "piece", "piece", "pieces", "pc", "pcs"),
    SLICE(Kind.COUNT, "slice", "slice", "slices"),
    PINCH(Kind.COUNT, "pinch", "pinch", "pinches"),
    DASH(Kind.COUNT, "dash", "dash", "dashes"),
    STICK(Kind.COUNT, "stick", "stick", "sticks"),
    BUNCH(Kind.COUNT, "bunch", "bunch", "bunches"),
    SPRIG(Kind.COUNT, "sprig", "sprig", "sprigs"),
    HANDFUL(Kind.COUNT, "handful", "handful", "handfuls"),
    HEAD(Kind.COUNT, "head", "head", "heads"),
    STALK(Kind.COUNT, "stalk", "stalk", "stalks"),
    STEM(Kind.COUNT, "stem", "stem", "stems"),
    RIB(Kind.COUNT, "rib", "rib", "ribs"),
    SPEAR(Kind.COUNT, "spear", "spear", "spears"),
    EAR(Kind.COUNT, "ear", "ear", "ears"),
    BULB(Kind.COUNT, "bulb", "bulb", "bulbs"),
    LEAF(Kind.COUNT, "leaf", "leaf", "leaves"),
    KNOB(Kind.COUNT, "knob", "knob", "knobs"),
    SHEET(Kind.COUNT, "sheet", "sheet", "sheets"),
    RASHER(Kind.COUNT, "rasher", "rasher", "rashers"),
    STRIP(Kind.COUNT, "strip", "strip", "strips"),
    LOAF(Kind.COUNT, "loaf", "loaf", "loaves"),
    WEDGE(Kind.COUNT, "wedge", "wedge", "wedges"),
    CHUNK(Kind.COUNT, "chunk", "chunk", "chunks"),
    CUBE(Kind.COUNT, "cube", "cube", "cubes"),
    BALL(Kind.COUNT, "ball", "ball", "balls"),
    BRANCH(Kind.COUNT, "branch", "branch", "branches"),
    SPLASH(Kind.COUNT, "splash", "splash", "splashes"),
    DROP(Kind.COUNT, "drop", "drop", "drops"),
    GLUG(Kind.COUNT, "glug", "glug", "glugs"),
    DOLLOP(Kind.COUNT, "dollop", "dollop", "dollops"),
    SHOT(Kind.COUNT, "shot", "shot", "shots"),
    SCOOP(Kind.COUNT, "scoop", "scoop", "scoops"),
    RACK(Kind.COUNT, "rack", "rack", "racks"),
    WHEEL(Kind.COUNT, "wheel", "wheel", "wheels"),
    RECIPE(Kind.COUNT, "recipe", "recipe", "recipes"),
    BATCH(Kind.COUNT, "batch", "batch", "batches"),
    CAN(Kind.PACKAGE, "can", "can", "cans"),
    TIN(Kind.PACKAGE, "tin", "tin", "tins"),
    JAR(Kind.PACKAGE, "jar", "jar", "jars"),
    BOTTLE(Kind.PACKAGE, "bottle", "bottle", "bottles"),
    PACKAGE(Kind.PACKAGE, "package", "package", "packages", "pkg", "pkgs"),
    PACKET(Kind.PACKAGE, "packet", "packet", "packets", "pkt"),
    PACK(Kind.PACKAGE, "pack", "pack", "packs"),
    BAG(Kind.PACKAGE, "bag", "bag", "bags"),
    BOX(Kind.PACKAGE, "box", "box", "boxes"),
    CARTON(Kind.PACKAGE, "carton", "carton", "cartons"),
    CONTAINER(Kind.PACKAGE, "container", "container", "containers"),
    TUB(Kind.PACKAGE, "tub", "tub", "tubs"),
    POT(Kind.PACKAGE, "pot", "pot", "pots"),
    PUNNET(Kind.PACKAGE, "punnet", "punnet", "punnets"),
    SACHET(Kind.PACKAGE, "sachet", "sachet", "sachets"),
    ENVELOPE(Kind.PACKAGE, "envelope", "envelope", "envelopes"),
    GLASS(Kind.PACKAGE, "glass", "glass", "glasses");

    /** What a unit word measures by. */
    public enum Kind {
        /** A measure of volume, mass or length (tsp, cup, g, oz, cm). */
        MEASURE,
        /** A counted thing (clove, sprig, bunch, handful, slice). */
        COUNT,
        /** A package whose size the line may give ("28-ounce can", "400g tin"). */
        PACKAGE
    }

    private static final Map<String, UnitWord> BY_WORD = new HashMap<>();
    /** The longest alias, in words ("cuillère à soupe" = 3). */
    static final int MAX_WORDS;

    static {
        int longest = 1;
        for (UnitWord unit : values()) {
            for (String alias : unit.aliases) {
                BY_WORD.put(alias, unit);
                longest = Math.max(longest, alias.split(" ").length);
            }
        }
        MAX_WORDS = longest;
    }

    private final Kind kind;
    private final String symbol;
    private final List<String> aliases;

    UnitWord(Kind kind, String symbol, String... aliases) {
        this.kind = kind;
        this.symbol = symbol;
        this.aliases = List.of(aliases);
    }

    /** A short conventional symbol ("tsp", "fl oz", "clove"). */
    public String symbol() {
        return symbol;
    }

    /** Every spelling recognised, lower case, without dots. */
    public List<String> aliases() {
        return aliases;
    }

    /** A measure, a counted thing or a package. */
    public Kind kind() {
        return kind;
    }

    /** The unit a word (or a few, "fl oz", "c. à soupe") stands for, if it is one. */
    public static Optional<UnitWord> of(String word) {
        String trimmed = word.strip();
        if (trimmed.equals("T") || trimmed.equals("T.")) {
            return Optional.of(TABLESPOON);
        }
        if (trimmed.equals("t") || trimmed.equals("t.")) {
            return Optional.of(TEASPOON);
        }
        return Optional.ofNullable(BY_WORD.get(key(trimmed)));
    }

    /** Lower case, dots dropped ("c. à s." → "c à s"), one space between words. */
    static String key(String word) {
        StringBuilder key = new StringBuilder(word.length());
        boolean space = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '.') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = !key.isEmpty();
                continue;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(Character.toLowerCase(c));
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
