package dev.recipediff.core.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses JSON text into a tree with the hardened {@link RecipeJson#mapper()} and, in the same pass, records the
 * document-wide limits with a pointer each: nesting deeper than {@link DocumentLimits#MAX_NESTING_DEPTH}, strings
 * and keys longer than {@link DocumentLimits#MAX_STRING_CHARS}, numbers that are not finite ({@code 1e400}) and
 * strings holding an unpaired surrogate escape. Syntax errors throw {@code invalid_json}; the limits are left in
 * {@link Problems}.
 *
 * <p>Lenient where the web's JSON needs it (what browsers' script parsers and Python's {@code json.loads(…,
 * strict=False)} read): raw control characters inside strings (a line break typed into a step), {@code //} and
 * {@code /* … *}{@code /} comments, and duplicate keys — the last one wins, as in JavaScript. Every duplicate is
 * returned in {@link Tree#duplicateKeys()} (one pointer each) so that a format that does not tolerate them (the
 * original format) can report them.
 */
final class JsonTreeParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String TOO_DEEP = "nesting deeper than " + DocumentLimits.MAX_NESTING_DEPTH + " levels";
    static final String TOO_LONG = "longer than " + DocumentLimits.MAX_STRING_CHARS + " characters";
    static final String NOT_FINITE = "must be a finite number";
    static final String DUPLICATE_KEY = "duplicate key: this key appears more than once in its object";
    static final String UNPAIRED_SURROGATE = "not valid Unicode text: unpaired surrogate (\\uD800-\\uDFFF)";
    private static final int REASON_CHARS = 160;

    private final ObjectMapper mapper;

    JsonTreeParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A parsed document and the pointer of every duplicated key (the value kept is the last one). */
    record Tree(JsonNode root, List<String> duplicateKeys) {}

    /**
     * The document's tree, read leniently; limit problems go to {@code problems}; malformed JSON throws
     * {@code invalid_json}.
     */
    Tree parse(String text, Problems problems) {
        List<String> duplicates = new ArrayList<>();
        JsonNode root = parse(text, problems, duplicates, true);
        return new Tree(root, List.copyOf(duplicates));
    }

    /**
     * Throws {@code invalid_json} (with line, column and pointer) when the text needed leniency — a raw control
     * character inside a string, or a comment — for a format that does not allow it.
     */
    void requireStrictSyntax(String text) {
        if (usesLenientSyntax(text)) {
            parse(text, new Problems(), new ArrayList<>(), false);
        }
    }

    /** True when a string holds a raw control character or a comment stands outside strings (one linear scan). */
    static boolean usesLenientSyntax(String text) {
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                } else if (c < 0x20) {
                    return true;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/') {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("deprecation") // JsonParser.Feature is the per-parser switch; JsonReadFeature is per factory
    private JsonNode parse(String text, Problems problems, List<String> duplicates, boolean lenient) {
        try (JsonParser parser = mapper.createParser(text)) {
            // duplicates are detected below, so that every duplicate gets its own pointer
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (lenient) {
                parser.enable(JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS);
                parser.enable(JsonParser.Feature.ALLOW_COMMENTS);
            }
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw invalidJson("", "the document is empty");
                }
                JsonNode root = value(parser, first, "", 1, problems, duplicates);
                if (parser.nextToken() != null) {
                    throw invalidJson(parser, "unexpected content after the end of the document");
                }
                return root;
            } catch (StreamConstraintsException e) {
                if (!problems.contains(TOO_DEEP)) {
                    problems.add(pointer(parser), constraintProblem(e));
                }
                problems.throwIfAny();
                throw new IllegalStateException("a stream constraint failed without a problem", e);
            } catch (JacksonException e) {
                throw invalidJson(parser, syntaxReason(e), e.getLocation());
            }
        } catch (IOException e) {
            // reading a String cannot fail with I/O, and parse errors are handled above
            throw invalidJson("", "unreadable document");
        }
    }

    private JsonNode value(
            JsonParser p, JsonToken token, String pointer, int depth, Problems problems, List<String> duplicates)
            throws IOException {
        switch (token) {
            case START_OBJECT, START_ARRAY -> {
                if (depth > DocumentLimits.MAX_NESTING_DEPTH) {
                    problems.add(pointer, TOO_DEEP);
                    p.skipChildren();
                    return NODES.nullNode();
                }
                return token == JsonToken.START_OBJECT
                        ? object(p, pointer, depth, problems, duplicates)
                        : array(p, pointer, depth, problems, duplicates);
            }
            case VALUE_STRING -> {
                String text = p.getText();
                checkText(text, pointer, problems);
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT, LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                double number = p.getDoubleValue();
                if (!Double.isFinite(number)) {
                    problems.add(pointer, NOT_FINITE);
                }
                return NODES.numberNode(number);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw invalidJson(p, "unexpected token " + token);
        }
    }

    private ObjectNode object(JsonParser p, String pointer, int depth, Problems problems, List<String> duplicates)
            throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
            String name = p.currentName();
            String childPointer = Problems.child(pointer, name);
            if (name.length() > DocumentLimits.MAX_STRING_CHARS) {
                childPointer = Problems.child(pointer, name.substring(0, 40) + "…");
                problems.add(childPointer, "key " + TOO_LONG);
            } else if (hasUnpairedSurrogate(name)) {
                problems.add(childPointer, "key " + UNPAIRED_SURROGATE);
            }
            JsonNode child = value(p, p.nextToken(), childPointer, depth + 1, problems, duplicates);
            if (object.has(name)) {
                duplicates.add(childPointer);
            }
            object.set(name, child);
        }
        return object;
    }

    private ArrayNode array(JsonParser p, String pointer, int depth, Problems problems, List<String> duplicates)
            throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            array.add(value(p, token, Problems.child(pointer, array.size()), depth + 1, problems, duplicates));
        }
        return array;
    }

    private static void checkText(String text, String pointer, Problems problems) {
        if (text.length() > DocumentLimits.MAX_STRING_CHARS) {
            problems.add(pointer, "string " + TOO_LONG + " (" + text.length() + ")");
        }
        if (hasUnpairedSurrogate(text)) {
            problems.add(pointer, UNPAIRED_SURROGATE);
        }
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String constraintProblem(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting")) {
            return TOO_DEEP;
        }
        if (message.contains("number")) {
            return "number longer than " + RecipeJson.MAX_NUMBER_LENGTH + " characters";
        }
        return "exceeds a parser limit (document, string, key or token count too large)";
    }

    /** Jackson's reason, first line only and shortened; never includes the document (source is off). */
    private static String syntaxReason(JacksonException e) {
        String reason = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        if (reason.startsWith("Unexpected end-of-input")) {
            return "the document ends unexpectedly (truncated?)";
        }
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        return reason.length() > REASON_CHARS ? reason.substring(0, REASON_CHARS) + "…" : reason;
    }

    private static String pointer(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }

    private static InvalidDocumentException invalidJson(JsonParser p, String reason) {
        return invalidJson(p, reason, p.currentLocation());
    }

    private static InvalidDocumentException invalidJson(JsonParser p, String reason, JsonLocation location) {
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return invalidJson(pointer(p), "invalid JSON" + where + ": " + reason);
    }

    private static InvalidDocumentException invalidJson(String pointer, String reason) {
        return new InvalidDocumentException(
                InvalidDocumentException.INVALID_JSON, List.of(new Problem(pointer, reason)));
    }
}
