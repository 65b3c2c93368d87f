package dev.recipediff.core.format;

import dev.recipediff.core.model.Ingredient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a free-text ingredient line (schema.org {@code recipeIngredient}) into quantity, unit, name and
 * preparation, keeping the original line in {@link Ingredient#text()}. Rules and a vocabulary ({@link UnitWord}),
 * no model; stateless and thread-safe.
 *
 * <p>A line is read left to right (each choice pinned by a test):
 * <ol>
 *   <li>A hedge before the amount ({@code About 2/3 cup}, {@code Scant 1/2 tsp}, {@code a generous pinch}) is the
 *       {@link ParsedLine#qualifier()}.</li>
 *   <li>The amount: integers, decimals ({@code 1.5}, {@code .5}, {@code 1,5}), fractions, mixed numbers
 *       ({@code 1 1/2}, {@code 1-1/2}), unicode fractions ({@code ½}, also glued {@code 1½}), number words
 *       ({@code One}, {@code two}, {@code half}). A range ({@code 2-3}, {@code 2 to 3}, {@code 2 or 3}) gives its
 *       lower bound as the quantity and its upper bound as {@link ParsedLine#quantityHigh()}. Without a number,
 *       "a"/"an" before a unit word, or a unit word followed by "of", means one ({@code quantityImplied}).</li>
 *   <li>The size of each counted thing or package: {@code One 28-ounce can}, {@code 1 (15 oz) can},
 *       {@code 2 x 400g/14oz tins} → {@code eachQuantity}/{@code eachMeasurement}; the count stays the
 *       quantity and the package word the measurement.</li>
 *   <li>Size words before the unit ({@code 4 large cloves garlic}, {@code 1 small bunch}) are the
 *       {@link ParsedLine#size()}; hedges there ({@code 1 heaped tbsp}) join the qualifier.</li>
 *   <li>The unit: the words of {@link UnitWord}, written as found ("teaspoons", "TBS", "c"); the lone "t" is
 *       written "tsp" (case-insensitive readers would take it for "T", a tablespoon). A count without a unit
 *       word ("6 large eggs") gets the measurement {@code "unit"}, as the original format writes counts; a count
 *       whose name ends with a counted-thing word ({@code 3 garlic cloves}) takes that word as its unit.</li>
 *   <li>A metric/imperial pair ({@code 150ml/5fl oz}, {@code 1 cup/250 ml}, {@code 1 cup (240 ml)},
 *       {@code 700g/1lb 9oz}): the first amount is the quantity, the other is kept as the alternative. A package
 *       word after a leading amount ({@code 400g tin}) is the {@link ParsedLine#container()}.</li>
 *   <li>The rest is the name, except: parenthesised notes, text after the first comma, and trailing phrases
 *       ("to taste", "for serving", "plus extra for dusting", "optional"…) form the preparation; size words
 *       leading the name ("large eggs") are the size, and also go to the preparation first, joined by ", ".</li>
 * </ol>
 */
public final class IngredientLineParser {

    private static final Map<Character, String> UNICODE_FRACTIONS = Map.ofEntries(
            Map.entry('½', "1/2"),
            Map.entry('⅓', "1/3"),
            Map.entry('⅔', "2/3"),
            Map.entry('¼', "1/4"),
            Map.entry('¾', "3/4"),
            Map.entry('⅕', "1/5"),
            Map.entry('⅖', "2/5"),
            Map.entry('⅗', "3/5"),
            Map.entry('⅘', "4/5"),
            Map.entry('⅙', "1/6"),
            Map.entry('⅚', "5/6"),
            Map.entry('⅛', "1/8"),
            Map.entry('⅜', "3/8"),
            Map.entry('⅝', "5/8"),
            Map.entry('⅞', "7/8"));

    private static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1.0),
            Map.entry("two", 2.0),
            Map.entry("three", 3.0),
            Map.entry("four", 4.0),
            Map.entry("five", 5.0),
            Map.entry("six", 6.0),
            Map.entry("seven", 7.0),
            Map.entry("eight", 8.0),
            Map.entry("nine", 9.0),
            Map.entry("ten", 10.0),
            Map.entry("eleven", 11.0),
            Map.entry("twelve", 12.0),
            Map.entry("half", 0.5),
            Map.entry("dozen", 12.0));

    /** Words that hedge an amount: before it ("About 2 cups") or before the unit ("1 heaped tbsp"). */
    private static final Set<String> HEDGES = Set.of(
            "about",
            "approximately",
            "approx",
            "around",
            "roughly",
            "scant",
            "generous",
            "heaped",
            "heaping",
            "level",
            "rounded",
            "good",
            "nearly",
            "almost",
            "just under",
            "just over",
            "a little",
            "up to",
            "at least",
            "packed",
            "tightly packed",
            "lightly packed",
            "loosely packed",
            "firmly packed",
            "well packed",
            "slightly heaped",
            "slightly rounded",
            "well-rounded");

    /** Unit words that mean one when a line starts with them ("pinch salt", "handful basil"). */
    private static final Set<UnitWord> BARE_UNITS = Set.of(
            UnitWord.PINCH,
            UnitWord.DASH,
            UnitWord.HANDFUL,
            UnitWord.SPLASH,
            UnitWord.GLUG,
            UnitWord.SPRIG,
            UnitWord.BUNCH,
            UnitWord.KNOB,
            UnitWord.DOLLOP);

    /** Words that give the size of a counted thing ("4 large cloves", "2 thin slices", "6 large eggs"). */
    private static final Set<String> SIZE_WORDS = Set.of(
            "large",
            "small",
            "medium",
            "medium-size",
            "medium-sized",
            "medium size",
            "extra-large",
            "extra large",
            "x-large",
            "jumbo",
            "big",
            "lg",
            "sm",
            "md",
            "med",
            "thin",
            "thick",
            "fat",
            "plump",
            "long",
            "short",
            "very",
            "small-medium",
            "medium-large",
            "good-sized",
            "large-ish",
            "smallish",
            "biggish",
            "giant",
            "mini",
            "little",
            "small to medium",
            "medium to large",
            "thumb-sized",
            "thumb-size",
            "smaller",
            "larger",
            "bigger",
            "regular",
            "regular-size",
            "regular-sized",
            "extra-small",
            "large or jumbo",
            "small or medium",
            "medium or large",
            "large or extra-large");

    private static final String NUMBER = "\\d+(?:\\.\\d+|,\\d{1,2}(?![\\d/]))?|\\.\\d+";
    private static final String AMOUNT = "\\d+ \\d+/\\d+|\\d+-\\d+/\\d+|\\d+/\\d+|" + NUMBER;
    private static final Pattern RANGE = Pattern.compile(
            "(?<first>(?>" + AMOUNT + "))(?:\\s*(?:-|to|or)\\s*(?<second>(?>" + AMOUNT + ")))?(?=[\\s\\p{L}(,]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_NUMBER = Pattern.compile(
            "(?<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half(?: an?(?= ))?|a half|a dozen|dozen)"
                    + "(?:\\s+(?:to|or)\\s+(?<second>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?"
                    + "(?=\\s)",
            Pattern.CASE_INSENSITIVE);
    /** An amount glued to its unit by a hyphen or a space ("28-ounce", "15 oz", "1/2-inch"). */
    private static final Pattern SIZED = Pattern.compile(
            "(?<amount>" + AMOUNT + ")(?:\\s*-?\\s*(?:-|to|or)\\s*(?<high>" + AMOUNT + "))?(?:\\s*-\\s*|\\s*)"
                    + "(?<unit>[\\p{L}.]+(?: [\\p{L}.]+)?)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TIMES = Pattern.compile("[x×](?:\\s+|(?=\\d))", Pattern.CASE_INSENSITIVE);
    /** The size of a counted thing in length ("6-inch", "1/4-inch-thick", "5 cm long"). */
    private static final Pattern DIMENSION = Pattern.compile(
            "(?:" + AMOUNT + ")\\s*-?\\s*(?:inch|inches|in|cm|mm)\\.?"
                    + "(?:[- ](?:thick|long|wide|square|round|thin|diameter|across))*(?=[\\s,]|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ARTICLE = Pattern.compile("(?:a|an)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OF = Pattern.compile("of\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern OPTIONAL_PREFIX = Pattern.compile("optional\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    /** "Zest of", "Finely grated zest and juice of", "Leaves from": a part of what the amount counts. */
    private static final Pattern PART_OF = Pattern.compile(
            "(?<part>\\p{L}[\\p{L}'’ -]{0,40}?)\\s+(?:of|from)\\s+(?=\\d|(?:one|two|three|four|five|six|half|a|an)\\s)",
            Pattern.CASE_INSENSITIVE);
    /** A name without digits, then the amount: "Salt, 1 teaspoon", "Blackberries 2 cups". */
    private static final Pattern LATE_AMOUNT = Pattern.compile(
            "(?<name>\\p{L}[^\\d,]*?(?:\\([^\\d()]*\\))?)(?:\\s*,\\s*|\\s+)(?=\\d|(?:about|approximately|approx\\.?|around|roughly) \\d)",
            Pattern.CASE_INSENSITIVE);
    /** Where a name ends and an alternative or addition begins. */
    private static final Pattern NAME_CUT = Pattern.compile(
            "\\s*;|\\s+-+(?=[\\s\\p{L}\\d])|\\s+(?:or|plus|and|mixed with|with)\\s+(?=\\d)"
                    + "|\\s+(?=(?:cut|divided|dredged|broken|torn|thinly|finely|roughly|coarsely)\\s)|(?<=\\p{L})\\s*/\\s*(?=\\d)|\\s+(?:such as|like|e\\.g\\.?)\\s",
            Pattern.CASE_INSENSITIVE);
    /** Words after "or"/"and" that start a phrase, not another ingredient ("or more to taste", "and drained"). */
    private static final Set<String> LIST_STOPS = Set.of(
            "more",
            "less",
            "to",
            "as",
            "so",
            "extra",
            "if",
            "part",
            "parts",
            "portion",
            "portions",
            "only",
            "homemade",
            "store-bought",
            "bought",
            "tops",
            "bits",
            "a",
            "an",
            "the",
            "juice",
            "zest",
            "rind",
            "peel",
            "cut",
            "then",
            "into",
            "at",
            "left",
            "kept",
            "use",
            "about");
    /** Participles of preparation: "chopped walnuts" is walnuts, chopped. */
    private static final Set<String> PREPARATION_WORDS = Set.of(
            "chopped",
            "minced",
            "grated",
            "diced",
            "sliced",
            "shredded",
            "crushed",
            "crumbled",
            "peeled",
            "melted",
            "softened",
            "packed",
            "squeezed",
            "cracked",
            "chilled",
            "shelled",
            "snipped",
            "cooked",
            "uncooked",
            "toasted",
            "mashed",
            "julienned",
            "cubed",
            "halved",
            "quartered",
            "torn",
            "beaten",
            "whisked",
            "sifted",
            "drained",
            "rinsed",
            "trimmed",
            "deseeded",
            "seeded",
            "cored",
            "stemmed",
            "skinned",
            "deveined",
            "scrubbed",
            "washed",
            "warmed",
            "hulled",
            "zested",
            "juiced",
            "pureed",
            "puréed",
            "smashed",
            "segmented",
            "bruised",
            "sieved",
            "strained",
            "thawed",
            "defrosted",
            "soaked",
            "lightly-beaten",
            "well-beaten",
            "freshly-grated",
            "finely-chopped",
            "roughly-chopped");
    /** Adverbs of preparation ("finely chopped"). */
    private static final Set<String> ADVERBS = Set.of(
            "finely",
            "roughly",
            "coarsely",
            "thinly",
            "thickly",
            "freshly",
            "lightly",
            "well",
            "very",
            "loosely",
            "firmly",
            "tightly",
            "gently",
            "just",
            "newly",
            "evenly",
            "slightly",
            "partially",
            "partly",
            "completely",
            "fully",
            "cleanly",
            "neatly",
            "carefully");
    /** Adjectives a comma may separate from the name ("firm, ripe pears", "day-old, crusty bread"). */
    private static final Set<String> ADJECTIVES = Set.of(
            "firm",
            "ripe",
            "unripe",
            "fresh",
            "day-old",
            "crusty",
            "hot",
            "cold",
            "warm",
            "soft",
            "hard",
            "young",
            "mature",
            "raw",
            "lean",
            "fatty",
            "plain",
            "good",
            "good-quality",
            "organic",
            "free-range",
            "vacuum-packed",
            "ready-made",
            "ready-to-eat",
            "medium-small",
            "bone-in",
            "skin-on",
            "skinless",
            "boneless",
            "sweet",
            "juicy",
            "tart",
            "tender",
            "heavy",
            "light",
            "dark",
            "thick",
            "thin",
            "cooked",
            "uncooked");

    private static final Pattern PLUS =
            Pattern.compile("\\s*,?\\s*(?:plus|minus|and|\\+)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGIT_LETTER =
            Pattern.compile("(?<=\\d)(?=[\\p{L}&&[^x×]])|(?<=\\d)(?=[x×]\\s*\\d)" + "|(?<=\\d[x×])(?=\\d)");
    private static final Pattern TRAILING_PHRASE = Pattern.compile(
            "\\s*,?\\s*\\b((?:or\\s+)?(?:to taste|as needed|as required|if needed|if desired|if you like|if liked"
                    + "|to serve|to garnish|to decorate|to finish|for serving|for garnish|for garnishing|for dusting"
                    + "|for frying|for greasing|for brushing|for drizzling|for sprinkling|for decorating|for decoration"
                    + "|for (?!example\\b)[\\p{L}][\\p{L}'’ -]*|optional|plus (?:extra|more)\\b.*|plus [\\d/ ]+\\s*\\p{L}+ (?:extra|more)\\b.*"
                    + "|at room temperature|room temperature|divided))$",
            Pattern.CASE_INSENSITIVE);
    /** Counted-thing words a name may end with ("3 garlic cloves", "2 celery stalks"). */
    private static final Set<UnitWord> LENGTHS = Set.of(UnitWord.INCH, UnitWord.CENTIMETER, UnitWord.MILLIMETER);

    private static final Set<UnitWord> TRAILING_UNITS = Set.of(
            UnitWord.CLOVE,
            UnitWord.STALK,
            UnitWord.SPRIG,
            UnitWord.SPEAR,
            UnitWord.RIB,
            UnitWord.BULB,
            UnitWord.HEAD,
            UnitWord.KNOB,
            UnitWord.RASHER);

    /** The ingredient a line describes; {@code ingredientId} is {@code null}, {@code text} the line as given. */
    public Ingredient parse(String line) {
        return parseLine(line).toIngredient();
    }

    /** Everything the line says: the ingredient's fields plus range, alternative amount, size and packages. */
    public ParsedLine parseLine(String line) {
        Objects.requireNonNull(line, "line");
        String text = normalize(line);
        Matcher optional = OPTIONAL_PREFIX.matcher(text);
        if (optional.lookingAt()) {
            // "Optional: 2 small squid" reads as "2 small squid, optional"
            text = text.substring(optional.end()) + ", optional";
        }
        Reading reading = new Reading(text, line);
        reading.readAmount();
        if (reading.quantity != null) {
            return reading.name(reading.rest());
        }
        Matcher part = PART_OF.matcher(text);
        if (part.lookingAt()) {
            // "Zest of 1 orange", "Juice of one lime", "Leaves from 1 bunch of mint": the amount of the whole
            Reading whole = new Reading(text.substring(part.end()), line);
            whole.readAmount();
            if (whole.quantity != null && !whole.implied) {
                whole.notes.add(part.group("part").toLowerCase(Locale.ROOT));
                return whole.name(whole.rest());
            }
        }
        Matcher late = LATE_AMOUNT.matcher(text);
        if (late.lookingAt()) {
            // "Salt, 1 teaspoon", "Blackberries 2 cups (300 grams)", "Egg whites (large), 5"
            Reading amount = new Reading(text.substring(late.end()), line);
            amount.readAmount();
            String after = amount.rest();
            if (amount.quantity != null
                    && !amount.implied
                    && (amount.unit != null || after.isEmpty() || after.startsWith(",") || after.startsWith("("))) {
                return amount.name(
                        late.group("name") + (after.isEmpty() ? "" : after.startsWith(",") ? after : " " + after));
            }
        }
        return new Reading(text, line).read();
    }

    /** One line being read: the normalised text and a cursor. */
    private static final class Reading {
        private final String s;
        private final String line;
        private int pos;

        private Double quantity;
        private Double quantityHigh;
        private boolean implied;
        private String measurement;
        private UnitWord unit;
        private final List<String> qualifiers = new ArrayList<>();
        private final List<String> sizes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** One matcher per pattern over {@link #s}, reused (a matcher is reset by each region call). */
        private final Map<Pattern, Matcher> matchers = new java.util.IdentityHashMap<>();

        private Double eachQuantity;
        private String eachMeasurement;
        private Double alternativeQuantity;
        private String alternativeMeasurement;
        private String alternative;
        private String container;
        /** The unit word last read by {@link #unitAt()}, as written (dot dropped; a lone "t" as "tsp"). */
        private String lastWritten = "";

        Reading(String s, String line) {
            this.s = s;
            this.line = line;
        }

        ParsedLine read() {
            readAmount();
            return name(s.substring(pos).strip());
        }

        /** Everything before the name: hedges, quantity, each-size, size words, unit, alternative, container. */
        void readAmount() {
            readLeadingHedges();
            readQuantity();
            boolean times = quantity != null && lookingAt(TIMES) != null;
            if (quantity != null) {
                readEach(times);
            }
            readSizedUnit();
            if (unit != null && unit.kind() == UnitWord.Kind.MEASURE) {
                readAlternative();
                readContainer();
            }
            if (unit != null) {
                readPlus();
            }
            if (quantity != null && measurement == null) {
                measurement = "unit";
            }
            readOtherCount();
            lookingAt(OF);
        }

        /** "1 cup plus 2 tbsp", "1 tbsp, plus 1 teaspoon (20 ml)": the added amount goes to the preparation. */
        private void readPlus() {
            int start = pos;
            MatchResult plus = lookingAt(PLUS);
            if (plus == null) {
                return;
            }
            if (readAmountWithUnit() == null) {
                pos = start;
                return;
            }
            int end = pos;
            skipSpaces();
            skipParenthesisedAmount();
            if (pos == end + 1 || pos == end) {
                pos = end;
            }
            notes.add(s.substring(start, pos).replaceFirst("^[\\s,]+", "").strip());
            skipSpaces();
        }

        /** "2 large or 3 small bananas": the other count goes to the preparation. */
        private void readOtherCount() {
            int start = pos;
            List<String> sizeWords = new ArrayList<>();
            skipSizeWords(sizeWords);
            if (quantity == null || !s.regionMatches(true, pos, "or ", 0, 3)) {
                pos = start;
                return;
            }
            sizes.addAll(sizeWords);
            start = pos;
            pos += 3;
            if (lookingAt(RANGE) == null && lookingAt(WORD_NUMBER) == null) {
                pos = start;
                return;
            }
            skipSpaces();
            skipSizeWords(new ArrayList<>());
            if (unitAt() != null) {
                skipSpaces();
            }
            notes.add(s.substring(start, pos).strip());
        }

        String rest() {
            return s.substring(pos).strip();
        }

        private void readLeadingHedges() {
            while (true) {
                int start = pos;
                MatchResult article = lookingAt(ARTICLE);
                String hedge = hedgeAt();
                if (hedge == null) {
                    pos = start;
                    return;
                }
                pos += hedge.length();
                skipSpaces();
                if (!startsAmountOrUnit()) {
                    pos = start;
                    return;
                }
                qualifiers.add((article != null ? article.group().strip() + " " : "")
                        + stripDot(hedge).toLowerCase(Locale.ROOT));
            }
        }

        /** A hedge word at the cursor (with its spelling), or null. */
        private String hedgeAt() {
            for (int words = 2; words >= 1; words--) {
                String candidate = words(words);
                if (candidate != null && HEDGES.contains(stripDot(candidate).toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
            return null;
        }

        /** Whether a number, a number word, an article or a (size word and) unit word is at the cursor. */
        private boolean startsAmountOrUnit() {
            int start = pos;
            try {
                if (lookingAt(RANGE) != null || lookingAt(WORD_NUMBER) != null) {
                    return true;
                }
                lookingAt(ARTICLE);
                skipSizeWords(new ArrayList<>());
                return unitAt() != null;
            } finally {
                pos = start;
            }
        }

        private void readQuantity() {
            int start = pos;
            MatchResult sized = lookingAt(SIZED);
            pos = start;
            MatchResult range = lookingAt(RANGE);
            if (range != null) {
                Double first = amount(range.group("first"));
                if (first == null) {
                    pos = start;
                    return;
                }
                String second = range.group("second");
                Double high = second == null ? null : amount(second);
                if (high != null
                        && second.contains("/")
                        && !second.contains(" ")
                        && high < 1
                        && !range.group("first").contains("/")
                        && range.group().contains("-")
                        && !range.group().contains(" ")) {
                    // "1-1/2" is one and a half, not a range from 1 down to 1/2
                    quantity = first + high;
                } else if (high != null) {
                    quantity = Math.min(first, high);
                    quantityHigh = Math.max(first, high);
                } else {
                    quantity = first;
                }
                skipSpaces();
                return;
            }
            if (sized != null) {
                // "28-ounce can tomatoes": the amount leads, its unit is read next
                Double value = amount(sized.group("amount"));
                if (value != null) {
                    quantity = value;
                    if (sized.group("high") != null) {
                        Double high = amount(sized.group("high"));
                        if (high != null && high > value) {
                            quantityHigh = high;
                        }
                    }
                    pos = start + sized.start("unit") - sized.start();
                    return;
                }
            }
            MatchResult word = lookingAt(WORD_NUMBER);
            if (word != null) {
                String text = word.group("word").toLowerCase(Locale.ROOT);
                if (text.startsWith("a ")) {
                    text = text.substring(2);
                }
                if (text.startsWith("half ")) {
                    text = "half";
                }
                quantity = NUMBER_WORDS.get(text);
                if (word.group("second") != null) {
                    quantityHigh = NUMBER_WORDS.get(word.group("second").toLowerCase(Locale.ROOT));
                }
                skipSpaces();
                lookingAt(OF);
                return;
            }
            if (lookingAt(ARTICLE) != null) {
                int afterArticle = pos;
                MatchResult sizedAfter = lookingAt(SIZED);
                pos = afterArticle;
                if (sizedAfter != null && sizedAfter.group("amount") != null) {
                    // "A 2-inch piece ginger", "A 3- to 3½-pound snapper": the amount after the article
                    readQuantity();
                    if (quantity != null) {
                        return;
                    }
                    pos = afterArticle;
                }
                skipSizeWords(new ArrayList<>());
                if (unitAt() != null) {
                    implied = true;
                    quantity = 1.0;
                }
                pos = implied ? afterArticle : start;
            }
        }

        /** "(28-ounce) can", "28-ounce can", "x 400g/14oz tins", "(about 1 lb each)": the size of each. */
        private void readEach(boolean times) {
            int start = pos;
            if (s.startsWith("(", pos)) {
                int close = s.indexOf(')', pos);
                if (close > pos) {
                    Amount each = amountWithUnit(s.substring(pos + 1, close).strip());
                    if (each != null) {
                        eachQuantity = each.quantity();
                        eachMeasurement = each.measurement();
                        notes.add(s.substring(pos + 1, close).strip());
                        pos = close + 1;
                        skipSpaces();
                    }
                }
                return;
            }
            Amount each = readAmountWithUnit();
            if (each != null) {
                int afterEach = pos;
                skipSpaces();
                int beforeAlternative = pos;
                if (lookingAt(SLASH) == null || readAmountWithUnit() == null) {
                    pos = beforeAlternative;
                } else {
                    int beforeSecond = pos;
                    skipSpaces();
                    if (readAmountWithUnit() == null) {
                        pos = beforeSecond;
                    }
                }
                skipSpaces();
                int beforeSizes = pos;
                skipSizeWords(new ArrayList<>());
                UnitWord next = unitAt();
                pos = beforeSizes;
                boolean length =
                        LENGTHS.contains(UnitWord.of(each.measurement()).orElse(UnitWord.GRAM));
                if (times || !length || (next != null && next.kind() != UnitWord.Kind.MEASURE)) {
                    eachQuantity = each.quantity();
                    eachMeasurement = each.measurement();
                    notes.add(s.substring(start, afterEach).strip());
                    skipParenthesisedAmount();
                    return;
                }
                pos = start;
            }
            MatchResult dimension = lookingAt(DIMENSION);
            if (dimension != null) {
                sizes.add(dimension.group().strip());
                skipSpaces();
                return;
            }
            pos = start;
        }

        /** "(426-g)", "(110g)" after an each-size: its other spelling, left in the text only. */
        private void skipParenthesisedAmount() {
            if (s.startsWith("(", pos)) {
                int close = s.indexOf(')', pos);
                if (close > pos && amountWithUnit(s.substring(pos + 1, close).strip()) != null) {
                    pos = close + 1;
                    skipSpaces();
                }
            }
        }

        /** "4 large cloves", "1 heaped tbsp", "3 cups", "pinch of": the unit, with the size words before it. */
        private void readSizedUnit() {
            int start = pos;
            List<String> sizeWords = new ArrayList<>();
            List<String> hedges = new ArrayList<>();
            while (true) {
                int before = pos;
                String hedge = hedgeAt();
                if (hedge != null) {
                    pos += hedge.length();
                    skipSpaces();
                    hedges.add(hedge.toLowerCase(Locale.ROOT));
                    continue;
                }
                if (skipSizeWords(sizeWords) == 0 || pos == before) {
                    break;
                }
            }
            int unitStart = pos;
            UnitWord word = unitAt();
            if (word == null) {
                pos = start;
                return;
            }
            int afterUnit = pos;
            skipSpaces();
            boolean followedByOf = s.regionMatches(true, pos, "of ", 0, 3);
            boolean leading = unitStart == 0 || (!qualifiers.isEmpty() && quantity == null && !implied);
            boolean bareStart = leading && BARE_UNITS.contains(word) && !plural(lastWritten, word);
            if (quantity == null
                    && !followedByOf
                    && hedges.isEmpty()
                    && sizeWords.isEmpty()
                    && qualifiers.isEmpty()
                    && !bareStart) {
                pos = start;
                return;
            }
            if (quantity == null && !followedByOf && s.substring(afterUnit).isBlank()) {
                pos = start;
                return;
            }
            if (quantity == null && plural(lastWritten, word)) {
                // "slices of bread" says no number, and not one
                pos = start;
                return;
            }
            if (quantity == null) {
                quantity = 1.0;
                implied = true;
            }
            unit = word;
            measurement = lastWritten;
            qualifiers.addAll(hedges);
            sizes.addAll(sizeWords);
        }

        /** "/5fl oz", "/1lb 9oz", " (250 ml)", "/2½ cups": the other amount of a metric/imperial pair. */
        private void readAlternative() {
            int start = pos;
            if (lookingAt(SLASH) != null) {
                int altStart = pos;
                Amount other = readAmountWithUnit();
                if (other != null) {
                    int end = pos;
                    int beforeMore = pos;
                    skipSpaces();
                    if (readAmountWithUnit() != null) {
                        end = pos;
                    } else {
                        pos = beforeMore;
                    }
                    setAlternative(other, s.substring(altStart, end).strip());
                    skipSpaces();
                    return;
                }
                pos = start;
                return;
            }
            if (s.startsWith("(", pos)) {
                int close = s.indexOf(')', pos);
                if (close > pos) {
                    String inside = s.substring(pos + 1, close).strip();
                    Amount other = amountWithUnit(inside);
                    if (other != null) {
                        setAlternative(other, inside);
                        pos = close + 1;
                        skipSpaces();
                    }
                }
            }
        }

        private void setAlternative(Amount other, String written) {
            alternativeQuantity = other.quantity();
            alternativeMeasurement = other.measurement();
            alternative = written;
        }

        /** "400g tin", "2.5cm piece": a package or piece after a leading amount. */
        private void readContainer() {
            int start = pos;
            skipSizeWords(new ArrayList<>());
            UnitWord word = unitAt();
            if (word != null && (word.kind() == UnitWord.Kind.PACKAGE || word == UnitWord.PIECE) && nameFollows()) {
                container = lastWritten;
                skipSpaces();
                return;
            }
            pos = start;
        }

        /** Whether a word (not a comma or the end) follows the cursor. */
        private boolean nameFollows() {
            int at = pos;
            while (at < s.length() && s.charAt(at) == ' ') {
                at++;
            }
            return at < s.length() && Character.isLetter(s.charAt(at));
        }

        /** An amount with a unit at the cursor ("5fl oz", "250 ml", "1 lb"), moving past it; else null. */
        private Amount readAmountWithUnit() {
            int start = pos;
            MatchResult sized = lookingAt(SIZED);
            if (sized == null) {
                return null;
            }
            pos = start + sized.start("unit") - sized.start();
            int unitStart = pos;
            UnitWord word = unitAt();
            Double value = amount(sized.group("amount"));
            if (word == null || word.kind() != UnitWord.Kind.MEASURE || value == null) {
                pos = start;
                return null;
            }
            return new Amount(value, lastWritten);
        }

        /** An amount with a unit making up (the start of) a parenthesised text: "15 oz", "about 2 lb", "250 ml/1 cup". */
        private static Amount amountWithUnit(String inside) {
            Reading reading = new Reading(inside, inside);
            reading.readLeadingHedges();
            Amount amount = reading.readAmountWithUnit();
            if (amount == null) {
                return null;
            }
            String rest = inside.substring(reading.pos).strip();
            boolean whole = rest.isEmpty()
                    || rest.startsWith("/")
                    || rest.startsWith(",")
                    || rest.startsWith(";")
                    || rest.matches("(?i)(?:each|total|in total|or so|net weight|drained weight)\\b.*")
                    || reading.readAmountWithUnit() != null;
            return whole ? amount : null;
        }

        /** The unit word(s) at the cursor, moving past them; null (cursor unmoved) when none. */
        private UnitWord unitAt() {
            for (int count = UnitWord.MAX_WORDS; count >= 1; count--) {
                String candidate = words(count);
                if (candidate == null) {
                    continue;
                }
                var word = UnitWord.of(candidate);
                if (word.isPresent() && acceptable(candidate, word.get())) {
                    pos += candidate.length();
                    lastWritten = candidate.equals("t") || candidate.equals("t.")
                            ? UnitWord.TEASPOON.symbol()
                            : stripDot(candidate);
                    return word.get();
                }
            }
            return null;
        }

        /** Rejects unit readings that are plain words here: "in" before an article, "c" glued to punctuation. */
        private boolean acceptable(String candidate, UnitWord word) {
            int end = pos + candidate.length();
            if (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
                return false;
            }
            if (word == UnitWord.INCH && candidate.equalsIgnoreCase("in")) {
                String after = s.substring(end).stripLeading().toLowerCase(Locale.ROOT);
                return !(after.startsWith("a ")
                        || after.startsWith("the ")
                        || after.startsWith("half")
                        || after.startsWith("total")
                        || after.startsWith("season"));
            }
            return true;
        }

        /** The next {@code count} words at the cursor as written (with the spaces between), or null. */
        private String words(int count) {
            int end = pos;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    if (end >= s.length() || s.charAt(end) != ' ') {
                        return null;
                    }
                    end++;
                }
                end = wordEnd(end);
                if (end < 0) {
                    return null;
                }
            }
            // a trailing hyphen belongs to a compound ("medium-"), not to the word
            return s.substring(pos, end);
        }

        /** The end of the word starting at {@code from} (a letter, then letters, dots, apostrophes, hyphens), or -1. */
        private int wordEnd(int from) {
            if (from >= s.length() || !Character.isLetter(s.charAt(from))) {
                return -1;
            }
            int end = from + 1;
            while (end < s.length()) {
                char c = s.charAt(end);
                if (Character.isLetter(c) || c == '.' || c == '\'' || c == '’' || c == '-') {
                    end++;
                } else {
                    break;
                }
            }
            return end;
        }

        /** Moves past size words ("large", "very thin", "medium-size"); returns how many. */
        private int skipSizeWords(List<String> into) {
            int count = 0;
            while (true) {
                String found = null;
                for (int words = 3; words >= 1 && found == null; words--) {
                    String candidate = words(words);
                    if (candidate != null && SIZE_WORDS.contains(candidate.toLowerCase(Locale.ROOT))) {
                        found = candidate;
                    }
                }
                if (found == null) {
                    return count;
                }
                into.add(found.toLowerCase(Locale.ROOT));
                pos += found.length();
                skipSpaces();
                if (s.startsWith(",", pos)) {
                    pos++;
                    skipSpaces();
                }
                count++;
            }
        }

        private MatchResult lookingAt(Pattern pattern) {
            Matcher matcher = matchers.get(pattern);
            if (matcher == null) {
                matcher = pattern.matcher(s);
                matchers.put(pattern, matcher);
            }
            matcher.region(pos, s.length());
            if (!matcher.lookingAt()) {
                return null;
            }
            pos = matcher.end();
            return matcher.toMatchResult();
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        /** The name and preparation of what follows the amount and unit. */
        ParsedLine name(String rest) {
            if (rest.startsWith("(")) {
                int close = rest.indexOf(')');
                if (close > 0) {
                    addIfPresent(notes, rest.substring(1, close).strip());
                    rest = rest.substring(close + 1).strip();
                }
            }
            if (rest.regionMatches(true, 0, "each ", 0, 5)) {
                // "½ bunch each oregano, rosemary"
                notes.add("each");
                rest = rest.substring(5).strip();
            }
            List<String> segments = splitTopLevel(rest);
            String name = segments.get(0);
            int next = 1;
            while (name.isBlank() && next < segments.size()) {
                // "1 teaspoon, vanilla paste"
                name = segments.get(next++);
            }
            List<String> leadingPreparation = new ArrayList<>();
            while (next < segments.size() && onlyModifiers(name)) {
                // "boneless, skinless chicken breasts", "peeled, seeded, and chopped tomatoes"
                name = name + ", " + segments.get(next++);
            }
            int listEnd = listEnd(segments, next);
            while (next < listEnd) {
                // "milk, water, or oat milk", "Burgundy, or other red wine"
                name = name + ", " + segments.get(next++);
            }
            String afterComma = next < segments.size()
                    ? String.join(", ", segments.subList(next, segments.size())).strip()
                    : null;
            name = extractParentheses(name, notes);
            boolean packaged = container != null || (unit != null && unit.kind() == UnitWord.Kind.PACKAGE);
            // a package holds a product as sold: "1 tin chopped tomatoes" is chopped tomatoes
            name = packaged ? name : leadingModifiers(name, leadingPreparation);
            String cut = null;
            Matcher alternativeName = NAME_CUT.matcher(name);
            if (alternativeName.find() && alternativeName.start() > 0) {
                // "thyme leaves or 1/2 teaspoon dried", "sugar; or honey", "mayonnaise such as Hellmann's"
                cut = name.substring(alternativeName.start()).strip();
                if (cut.startsWith(";")) {
                    cut = cut.substring(1).strip();
                }
                name = name.substring(0, alternativeName.start()).strip();
            }
            String trailing = null;
            Matcher phrase = TRAILING_PHRASE.matcher(name);
            if (phrase.find() && phrase.start() > 0) {
                trailing = phrase.group(1);
                name = name.substring(0, phrase.start()).strip();
            }
            if (OF.matcher(name).lookingAt() && measurement != null) {
                name = name.substring(3).strip();
            }
            if ("unit".equals(measurement)) {
                name = trailingUnit(name);
            }
            if ("unit".equals(measurement)) {
                weightOfCount();
            }
            List<String> preparation = new ArrayList<>(sizes);
            preparation.addAll(leadingPreparation);
            preparation.addAll(notes);
            addIfPresent(preparation, cut);
            addIfPresent(preparation, afterComma);
            addIfPresent(preparation, trailing);
            if (name.isBlank()) {
                name = line.strip();
            }
            String joined = preparation.isEmpty() ? null : String.join(", ", preparation);
            return new ParsedLine(
                    quantity,
                    quantityHigh,
                    implied,
                    measurement,
                    name,
                    joined,
                    line,
                    alternativeQuantity,
                    alternativeMeasurement,
                    alternative,
                    sizes.isEmpty() ? null : String.join(" ", sizes),
                    qualifiers.isEmpty() ? null : String.join(" ", qualifiers),
                    eachQuantity,
                    eachMeasurement,
                    container);
        }

        /**
         * Moves size words ("large eggs" → size) and preparation words ("finely chopped walnuts" → preparation)
         * leading the name out of it; the name keeps at least one word.
         */
        private String leadingModifiers(String name, List<String> preparation) {
            String[] words = name.split(" ");
            int first = 0;
            int lastPreparation = -1;
            List<String> leadingSizes = new ArrayList<>();
            for (int i = 0; i < words.length - 1; i++) {
                String word = words[i].toLowerCase(Locale.ROOT);
                String bare = word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
                if (lastPreparation < 0 && i == first && SIZE_WORDS.contains(bare)) {
                    leadingSizes.add(bare);
                    first = i + 1;
                } else if (PREPARATION_WORDS.contains(bare)) {
                    lastPreparation = i;
                } else if (!(ADVERBS.contains(bare) || bare.equals("and") || bare.equals("or") || bare.equals("&"))) {
                    break;
                }
            }
            sizes.addAll(leadingSizes);
            if (lastPreparation >= first) {
                preparation.add(String.join(" ", List.of(words).subList(first, lastPreparation + 1))
                        .replace(",", ""));
                first = lastPreparation + 1;
            }
            return String.join(" ", List.of(words).subList(first, words.length)).strip();
        }

        /** Whether a comma segment holds only modifiers ("boneless", "chopped", "peeled and seeded", "day-old"). */
        private static boolean onlyModifiers(String segment) {
            String[] words =
                    segment.strip().toLowerCase(Locale.ROOT).replace(",", "").split(" ");
            if (words.length > 3 || segment.isBlank()) {
                return false;
            }
            for (String word : words) {
                if (!(PREPARATION_WORDS.contains(word)
                        || ADVERBS.contains(word)
                        || SIZE_WORDS.contains(word)
                        || ADJECTIVES.contains(word)
                        || word.endsWith("less")
                        || word.equals("and"))) {
                    return false;
                }
            }
            return true;
        }

        /** The end of a list the name continues with: up to a segment "or …"/"and …" after short segments. */
        private static int listEnd(List<String> segments, int from) {
            for (int k = from; k < segments.size() && k < from + 4; k++) {
                String segment = segments.get(k).strip();
                String lower = segment.toLowerCase(Locale.ROOT);
                if (lower.startsWith("or ") || lower.startsWith("and ")) {
                    String[] words = lower.split(" ");
                    String after = words.length > 1 ? words[1] : "";
                    boolean phrase = LIST_STOPS.contains(after)
                            || PREPARATION_WORDS.contains(after)
                            || ADVERBS.contains(after)
                            || after.isEmpty()
                            || Character.isDigit(after.charAt(0));
                    return phrase || words.length > 6 ? from : k + 1;
                }
                String[] words = lower.split(" ");
                if (words.length > 4
                        || segment.isEmpty()
                        || segment.indexOf('(') >= 0
                        || TRAILING_PHRASE.matcher(segment).lookingAt()) {
                    return from;
                }
                for (String word : words) {
                    if (PREPARATION_WORDS.contains(word)
                            || ADVERBS.contains(word)
                            || LIST_STOPS.contains(word)
                            || word.endsWith("ly")) {
                        return from;
                    }
                }
                if (lower.contains(" or ") || lower.contains(" and ")) {
                    // "Marsala, Madeira or sweet sherry"
                    return k + 1;
                }
            }
            return from;
        }

        /** "2 carrots (about 6 ounces)": the amount of a count is its alternative; "(½ pound each)" each one's. */
        private void weightOfCount() {
            for (String note : notes) {
                Amount amount = amountWithUnit(note);
                if (amount == null) {
                    continue;
                }
                if (note.toLowerCase(Locale.ROOT).endsWith(" each") && eachQuantity == null) {
                    eachQuantity = amount.quantity();
                    eachMeasurement = amount.measurement();
                } else if (alternativeQuantity == null) {
                    alternativeQuantity = amount.quantity();
                    alternativeMeasurement = amount.measurement();
                    alternative = note;
                }
                return;
            }
        }

        /** "garlic cloves" → unit "cloves", name "garlic". */
        private String trailingUnit(String name) {
            int space = name.lastIndexOf(' ');
            if (space <= 0) {
                return name;
            }
            String last = name.substring(space + 1);
            var word = UnitWord.of(last);
            if (word.isPresent() && TRAILING_UNITS.contains(word.get())) {
                measurement = stripDot(last);
                unit = word.get();
                return name.substring(0, space).strip();
            }
            return name;
        }
    }

    private record Amount(double quantity, String measurement) {}

    static String normalize(String line) {
        StringBuilder text = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String fraction = UNICODE_FRACTIONS.get(c);
            if (fraction != null) {
                boolean hyphenBefore = !text.isEmpty() && text.charAt(text.length() - 1) == '-';
                if (!hyphenBefore) {
                    text.append(' ');
                }
                text.append(fraction);
                boolean hyphenAfter = i + 1 < line.length() && "-–—‑‐".indexOf(line.charAt(i + 1)) >= 0;
                if (!hyphenAfter) {
                    text.append(' ');
                }
            } else if (c == '~' && text.toString().isBlank()) {
                text.append("about ");
            } else if (c == '⁄') {
                text.append('/');
            } else if (c == '–' || c == '—' || c == '‑' || c == '‐') {
                text.append('-');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                text.append(' ');
            } else {
                text.append(c);
            }
        }
        String spaced = DIGIT_LETTER.matcher(text).replaceAll(" ");
        return SPACES.matcher(spaced).replaceAll(" ").strip();
    }

    /** The comma-separated parts of a text, commas inside parentheses not counted. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>(4);
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    private static String extractParentheses(String text, List<String> notes) {
        if (text.indexOf('(') < 0) {
            return text;
        }
        Matcher matcher = PARENTHESES.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            String inside = matcher.group(1).strip();
            if (inside.regionMatches(true, 0, "or ", 0, 3)
                    && inside.indexOf(',') < 0
                    && inside.split(" ").length <= 6) {
                // "Parmesan (or a vegetarian hard cheese)": an alternative of the name
                matcher.appendReplacement(rest, Matcher.quoteReplacement(" " + inside + " "));
                continue;
            }
            addIfPresent(notes, inside);
            matcher.appendReplacement(rest, " ");
        }
        matcher.appendTail(rest);
        return SPACES.matcher(rest).replaceAll(" ").strip();
    }

    /** The value of one amount ("1 1/2", "1-1/2", "3/4", "1,5", ".5"); {@code null} when not a usable number. */
    private static Double amount(String text) {
        String[] parts = text.strip().replace(',', '.').split("[ -]");
        double total = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
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

    /** Whether a unit word is written in the plural ("slices", "cups"), which "of" without a number never means one. */
    private static boolean plural(String written, UnitWord word) {
        String lower = written.toLowerCase(Locale.ROOT);
        return lower.length() > 2 && lower.endsWith("s") && !lower.equals(word.symbol()) && !lower.endsWith("ss");
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
