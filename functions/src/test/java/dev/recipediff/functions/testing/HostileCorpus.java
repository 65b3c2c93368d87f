package dev.recipediff.functions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.testing.SampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Issue 9 §2: a generated, deterministic corpus of hostile recipe and make documents — invalid UTF-8,
 * truncated JSON, deep nesting (up to 10,000), odd numbers (1e400, NaN, -0, ...), negative and zero
 * quantities, 10 MiB bodies, duplicate keys, wrong types at every value, control characters, 1 MB strings,
 * keys with {@code ../}, very long keys, unicode look-alikes, and seeded random byte mutations.
 *
 * <p>Each case says whether it MUST be refused ({@link Expectation#REJECTED}: a 4xx with JSON pointers, or a
 * rejection report) or may legitimately be accepted ({@link Expectation#TOLERATED}: e.g. {@code -0}, unknown
 * keys, look-alike names — never a 5xx either way, and a refusal still carries pointers).
 */
public final class HostileCorpus {

    public enum Target {
        RECIPE,
        MAKE
    }

    public enum Expectation {
        REJECTED,
        TOLERATED
    }

    public record HostileCase(String id, String category, Target target, byte[] body, Expectation expectation) {
        @Override
        public String toString() {
            return id + " (" + category + ", " + target + ", " + body.length + " bytes)";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1024 * 1024;
    private static final byte[] INSERTABLE = "{}[]\",:0-e\\".getBytes(StandardCharsets.US_ASCII);

    private final List<HostileCase> cases = new ArrayList<>();
    private final Random random;
    private final Map<Target, JsonNode> bases;

    private HostileCorpus(long seed) {
        this.random = new Random(seed);
        this.bases = Map.of(
                Target.RECIPE,
                tree(SampleFiles.text("recipes/pancakes.json")),
                Target.MAKE,
                tree(SampleFiles.text("makes/pancakes.doubled.json")));
    }

    /** At least {@code size} cases (the systematic ones first, then seeded random mutations), same seed = same corpus. */
    public static List<HostileCase> generate(long seed, int size) {
        HostileCorpus corpus = new HostileCorpus(seed);
        for (Target target : Target.values()) {
            corpus.systematic(target);
        }
        while (corpus.cases.size() < size) {
            corpus.mutation(corpus.cases.size() % 2 == 0 ? Target.RECIPE : Target.MAKE);
        }
        return List.copyOf(corpus.cases);
    }

    /** Every kind in turn, about {@code size} cases spread evenly over the categories (for slower paths). */
    public static List<HostileCase> sample(List<HostileCase> corpus, int size) {
        Map<String, List<HostileCase>> byCategory = new java.util.TreeMap<>();
        corpus.forEach(c ->
                byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
        List<HostileCase> sample = new ArrayList<>();
        for (int round = 0; sample.size() < size; round++) {
            boolean added = false;
            for (List<HostileCase> kind : byCategory.values()) {
                if (round < kind.size() && sample.size() < size) {
                    sample.add(kind.get((int) ((long) round * 7919 % kind.size())));
                    added = true;
                }
            }
            if (!added) {
                break;
            }
        }
        return sample;
    }

    private void systematic(Target target) {
        JsonNode base = bases.get(target);
        String compact = base.toString();
        truncated(target, compact);
        invalidUtf8(target, compact);
        nesting(target);
        numbers(target, base);
        wrongTypes(target, base);
        duplicateKeys(target, base);
        controlCharacters(target);
        bigBodies(target, compact);
        longStrings(target, base);
        hostileKeys(target);
        lookAlikes(target);
    }

    private void add(String category, Target target, Expectation expectation, byte[] body) {
        cases.add(new HostileCase(
                target.name().toLowerCase() + "-" + category + "-" + cases.size(),
                category,
                target,
                body,
                expectation));
    }

    private void add(String category, Target target, Expectation expectation, String body) {
        add(category, target, expectation, body.getBytes(StandardCharsets.UTF_8));
    }

    // --- the categories ---

    private void truncated(Target target, String compact) {
        add("empty", target, Expectation.REJECTED, "");
        for (int end = 1; end < compact.length() - 1; end++) {
            add("truncated", target, Expectation.REJECTED, compact.substring(0, end));
        }
    }

    private void invalidUtf8(Target target, String compact) {
        byte[][] sequences = {
            {(byte) 0xFF},
            {(byte) 0xFE},
            {(byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xC3}
        };
        byte[] text = compact.getBytes(StandardCharsets.UTF_8);
        int nameStart = compact.indexOf("Buttermilk");
        int[] positions = {
            nameStart,
            nameStart + 3,
            compact.indexOf("flour") + 2,
            compact.indexOf("cup") + 1,
            compact.lastIndexOf("\"") - 1,
            1,
            compact.indexOf(':') + 1
        };
        for (byte[] sequence : sequences) {
            for (int position : positions) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(text, 0, position);
                body.writeBytes(sequence);
                body.write(text, position, text.length - position);
                add("invalid-utf8", target, Expectation.REJECTED, body.toByteArray());
            }
        }
    }

    private void nesting(Target target) {
        for (int depth : new int[] {33, 64, 65, 100, 1_000, 10_000}) {
            for (String open : new String[] {"[", "{\"a\":"}) {
                String close = open.equals("[") ? "]" : "}";
                String deep = open.repeat(depth) + "1" + close.repeat(depth);
                add("nesting-" + depth, target, Expectation.REJECTED, deep);
                for (String pointer : new String[] {"/recipeName", "/ingredients/0/quantity", "/steps", "/extra"}) {
                    add("nesting-" + depth, target, Expectation.REJECTED, render(target, pointer, deep));
                }
            }
        }
        add("nesting-10000", target, Expectation.REJECTED, "[".repeat(10_000));
    }

    private void numbers(Target target, JsonNode base) {
        Map<String, Expectation> tokens = new java.util.LinkedHashMap<>();
        for (String bad : List.of(
                "1e400",
                "-1e400",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                "01",
                ".5",
                "5.",
                "+1",
                "1" + "0".repeat(150),
                "1e",
                "--1",
                "1.2.3")) {
            tokens.put(bad, Expectation.REJECTED);
        }
        for (String odd : List.of(
                "-0",
                "0",
                "-0.0",
                "1e-400",
                "2.0",
                "1E2",
                "123456789012345678901234567890",
                "1e308",
                "-1",
                "-0.0001",
                "0.0000001")) {
            tokens.put(odd, Expectation.TOLERATED);
        }
        for (String pointer : pointers(base, JsonNode::isNumber)) {
            boolean quantity = pointer.endsWith("/quantity");
            tokens.forEach((token, expectation) -> {
                Expectation expected = quantity && token.startsWith("-") && !token.matches("-0(\\.0)?")
                        ? Expectation.REJECTED
                        : expectation;
                add(
                        quantity && expected == Expectation.REJECTED && token.startsWith("-")
                                ? "negative-quantity"
                                : "numbers",
                        target,
                        expected,
                        render(target, pointer, token));
            });
            if (quantity) {
                add("zero-quantity", target, Expectation.TOLERATED, render(target, pointer, "0"));
            }
        }
    }

    private void wrongTypes(Target target, JsonNode base) {
        Map<String, String> values = Map.of(
                "string",
                "\"twelve\"",
                "number",
                "12",
                "boolean",
                "true",
                "null",
                "null",
                "array",
                "[1,\"two\"]",
                "object",
                "{\"a\":1}");
        for (String pointer : pointers(base, node -> true)) {
            if (pointer.isEmpty()) {
                values.forEach((type, raw) -> {
                    if (!type.equals("object")) {
                        add("wrong-type-root", target, Expectation.REJECTED, raw);
                    }
                });
                continue;
            }
            String actual = type(base.at(pointer));
            values.forEach((type, raw) -> {
                if (!type.equals(actual)) {
                    add("wrong-type", target, Expectation.TOLERATED, render(target, pointer, raw));
                }
            });
        }
    }

    private void duplicateKeys(Target target, JsonNode base) {
        for (String pointer : pointers(base, JsonNode::isObject)) {
            Iterator<String> names = base.at(pointer).fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                add("duplicate-key", target, Expectation.REJECTED, write(base, "", p -> null, pointer, name));
            }
        }
    }

    private void controlCharacters(Target target) {
        for (char c = 0; c < 0x20; c++) {
            add("control-raw", target, Expectation.REJECTED, render(target, "/recipeName", "\"Pan" + c + "cakes\""));
            add(
                    "control-raw",
                    target,
                    Expectation.REJECTED,
                    render(target, "/ingredients/0/ingredientName", "\"fl" + c + "our\""));
            add(
                    "control-escaped",
                    target,
                    Expectation.TOLERATED,
                    render(target, "/recipeName", "\"Pan\\u%04xcakes\"".formatted((int) c)));
        }
        for (String invisible : List.of("\\u202e", "\\ufeff", "\\u2028", "\\u2029", "\\u200b", "\\ud800", "\\udfff")) {
            add(
                    "control-escaped",
                    target,
                    Expectation.TOLERATED,
                    render(target, "/ingredients/1/ingredientName", "\"su" + invisible + "gar\""));
        }
    }

    private void bigBodies(Target target, String compact) {
        String padding = " ".repeat(10 * MIB - compact.length());
        add("10MiB", target, Expectation.REJECTED, compact + padding);
        add(
                "10MiB",
                target,
                Expectation.REJECTED,
                render(target, "/recipeName", "\"" + "x".repeat(10 * MIB - compact.length() - 10) + "\""));
        add("10MiB", target, Expectation.REJECTED, compact + padding + "  ");
        add("over-1MiB", target, Expectation.REJECTED, compact + " ".repeat(MIB));
        add("over-1MiB", target, Expectation.REJECTED, "[" + "1,".repeat(MIB / 2) + "1]");
    }

    private void longStrings(Target target, JsonNode base) {
        for (String pointer : pointers(base, JsonNode::isTextual)) {
            add(
                    "1MB-string",
                    target,
                    Expectation.REJECTED,
                    render(target, pointer, "\"" + "a".repeat(1_000_000) + "\""));
            add("long-string", target, Expectation.REJECTED, render(target, pointer, "\"" + "é".repeat(10_001) + "\""));
        }
    }

    private void hostileKeys(Target target) {
        for (String key : List.of(
                "../../etc/passwd",
                "..\\..\\boot.ini",
                "/",
                "~1",
                "~0",
                "$ref",
                "__proto__",
                "constructor",
                "",
                " ",
                "recipeName ",
                "RECIPENAME",
                "ingredients\u0000")) {
            add("hostile-key", target, Expectation.TOLERATED, render(target, "/" + escape(key), "1"));
        }
        for (int length : new int[] {10_001, 50_001, 100_000}) {
            add(
                    "long-key",
                    target,
                    length > 50_000 ? Expectation.REJECTED : Expectation.TOLERATED,
                    render(target, "/" + "k".repeat(length), "1"));
        }
    }

    private void lookAlikes(Target target) {
        for (String name : List.of(
                "Buttermilk Pancakеs",
                "Ｂｕｔｔｅｒｍｉｌｋ Pancakes",
                "Buttermilk\u200bPancakes",
                "Buttermilk Pancakes\u0301",
                "Buttermi\u217Fk Pancakes",
                "\u202eseksnaP klimrettuB")) {
            add("look-alike", target, Expectation.TOLERATED, render(target, "/recipeName", quote(name)));
        }
        for (String name : List.of("fl\u043eur", "\ufb02our", "ｆｌｏｕｒ", "flour\u200d", "FLOUR")) {
            add(
                    "look-alike",
                    target,
                    Expectation.TOLERATED,
                    render(target, "/ingredients/0/ingredientName", quote(name)));
        }
    }

    private void mutation(Target target) {
        byte[] body = bases.get(target).toString().getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(body.length);
            body = switch (random.nextInt(3)) {
                case 0 -> {
                    byte[] copy = body.clone();
                    copy[at] = (byte) random.nextInt(256);
                    yield copy;
                }
                case 1 -> splice(body, at, 1, new byte[0]);
                default -> splice(body, at, 0, new byte[] {INSERTABLE[random.nextInt(INSERTABLE.length)]});
            };
        }
        add("random-mutation", target, Expectation.TOLERATED, body);
    }

    // --- rendering ---

    /** The base document of {@code target} with the value at {@code pointer} replaced (or added) by raw JSON text. */
    private String render(Target target, String pointer, String raw) {
        JsonNode base = bases.get(target);
        if (base.at(pointer).isMissingNode()) {
            String name = pointer.substring(1).replace("~1", "/").replace("~0", "~");
            String compact = base.toString();
            return "{" + quote(name) + ":" + raw + "," + compact.substring(1);
        }
        return write(base, "", p -> p.equals(pointer) ? raw : null, null, null);
    }

    private static String write(
            JsonNode node,
            String pointer,
            Function<String, String> replacement,
            String duplicateIn,
            String duplicateField) {
        String raw = replacement.apply(pointer);
        if (raw != null) {
            return raw;
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            node.properties().forEach(entry -> {
                String child = pointer + "/" + escape(entry.getKey());
                String field = quote(entry.getKey()) + ":"
                        + write(entry.getValue(), child, replacement, duplicateIn, duplicateField);
                out.append(out.length() > 1 ? "," : "").append(field);
                if (pointer.equals(duplicateIn) && entry.getKey().equals(duplicateField)) {
                    out.append(",").append(field);
                }
            });
            return out.append("}").toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? "," : "")
                        .append(write(node.get(i), pointer + "/" + i, replacement, duplicateIn, duplicateField));
            }
            return out.append("]").toString();
        }
        return node.toString();
    }

    private static List<String> pointers(JsonNode root, java.util.function.Predicate<JsonNode> which) {
        List<String> found = new ArrayList<>();
        collect(root, "", which, found);
        return found;
    }

    private static void collect(
            JsonNode node, String pointer, java.util.function.Predicate<JsonNode> which, List<String> found) {
        if (which.test(node)) {
            found.add(pointer);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), pointer + "/" + escape(e.getKey()), which, found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, which, found);
            }
        }
    }

    private static String type(JsonNode node) {
        return node.isTextual()
                ? "string"
                : node.isNumber()
                        ? "number"
                        : node.isBoolean() ? "boolean" : node.isNull() ? "null" : node.isArray() ? "array" : "object";
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] splice(byte[] body, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(insert);
        out.write(body, Math.min(body.length, at + remove), Math.max(0, body.length - at - remove));
        return out.toByteArray();
    }
}
