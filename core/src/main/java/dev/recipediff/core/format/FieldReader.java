package dev.recipediff.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Reads typed fields of one JSON object, recording a problem (with the pointer of the offending value) for
 * each wrong or missing one and returning {@code null} in its place, so reading continues and every problem
 * of a document is found in one pass. Values the tree parser already rejected (non-finite numbers) are
 * returned as {@code null} without a second problem.
 */
final class FieldReader {

    static final String REQUIRED = "is required";
    static final String STRING = "must be a string";
    static final String NOT_BLANK = "must not be blank";
    static final String POSITIVE_INTEGER = "must be a positive integer";
    static final String NUMBER_AT_LEAST_ZERO = "must be a number ≥ 0";
    static final String NUMBER_ABOVE_ZERO = "must be a number > 0";
    static final String ARRAY = "must be an array";
    static final String OBJECT = "must be an object";
    static final String DATE_TIME = "must be an ISO-8601 date-time, e.g. 2026-11-29T18:30:00+01:00";

    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private final Problems problems;

    FieldReader(Problems problems) {
        this.problems = problems;
    }

    /** The node as an object, or {@code null} with a problem when it is something else. */
    ObjectNode object(JsonNode node, String pointer) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        problems.add(pointer, OBJECT);
        return null;
    }

    /** The node, or {@code null} when it is absent (a problem when {@code required}). */
    private JsonNode present(JsonNode node, String at, boolean required) {
        if (isAbsent(node)) {
            if (required) {
                problems.add(at, REQUIRED);
            }
            return null;
        }
        return node;
    }

    /** A string; {@code required} ones must also not be blank. */
    String string(ObjectNode object, String pointer, String field, boolean required) {
        String at = Problems.child(pointer, field);
        JsonNode node = present(object.get(field), at, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(at, STRING);
            return null;
        }
        if (required && node.textValue().isBlank()) {
            problems.add(at, NOT_BLANK);
            return null;
        }
        return node.textValue();
    }

    /**
     * A string as a reader sees it ({@link ReadableText#line}: references decoded, tags removed, white space
     * collapsed); an optional one that is empty once cleaned is {@code null}, a required one is a problem.
     */
    String text(ObjectNode object, String pointer, String field, boolean required) {
        String raw = string(object, pointer, field, required);
        if (raw == null) {
            return null;
        }
        String clean = ReadableText.line(raw);
        if (clean.isEmpty()) {
            if (required) {
                problems.add(Problems.child(pointer, field), NOT_BLANK);
            }
            return null;
        }
        return clean;
    }

    /** A positive integer id; integer-valued decimals ({@code 2.0}) are accepted. */
    Long id(ObjectNode object, String pointer, String field, boolean required) {
        String at = Problems.child(pointer, field);
        JsonNode node = present(object.get(field), at, required);
        if (node == null) {
            return null;
        }
        if (isNonFinite(node)) {
            return null;
        }
        Long id = positiveLong(node);
        if (id == null) {
            problems.add(at, POSITIVE_INTEGER);
        }
        return id;
    }

    /** An optional finite number ≥ 0 ({@code -0} becomes {@code 0}); {@code aboveZero} excludes 0 too. */
    Double number(ObjectNode object, String pointer, String field, boolean aboveZero) {
        JsonNode node = object.get(field);
        if (isAbsent(node) || isNonFinite(node)) {
            return null;
        }
        double value = node.isNumber() ? node.doubleValue() : Double.NaN;
        boolean valid = aboveZero ? value > 0 : value >= 0;
        if (!valid) {
            problems.add(Problems.child(pointer, field), aboveZero ? NUMBER_ABOVE_ZERO : NUMBER_AT_LEAST_ZERO);
            return null;
        }
        return value == 0 ? 0.0 : value;
    }

    ArrayNode array(ObjectNode object, String pointer, String field, boolean required) {
        String at = Problems.child(pointer, field);
        JsonNode node = present(object.get(field), at, required);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problems.add(at, ARRAY);
            return null;
        }
        return (ArrayNode) node;
    }

    /**
     * An optional ISO-8601 date-time. With an offset (or a zone) it is kept as written; a local date-time
     * ({@code 2026-11-29T18:30}) or a date ({@code 2026-11-29}, meaning its start) is taken as UTC.
     */
    OffsetDateTime dateTime(ObjectNode object, String pointer, String field) {
        JsonNode node = object.get(field);
        if (isAbsent(node)) {
            return null;
        }
        OffsetDateTime value = node.isTextual() ? parseDateTime(node.textValue().strip()) : null;
        if (value == null) {
            problems.add(Problems.child(pointer, field), DATE_TIME);
        }
        return value;
    }

    static OffsetDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeException notOffset) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(text).toOffsetDateTime();
        } catch (DateTimeException notZoned) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeException notDate) {
            return null;
        }
    }

    /** The value as a positive long, or {@code null} when it is not one (strings are not numbers). */
    static Long positiveLong(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.signum() > 0 && value.compareTo(MAX_LONG) <= 0 ? value.longValue() : null;
        }
        if (node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            boolean whole = Double.isFinite(value) && value == Math.rint(value);
            return whole && value >= 1 && value < 0x1p63 ? (long) value : null;
        }
        return null;
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static boolean isNonFinite(JsonNode node) {
        return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
    }
}
