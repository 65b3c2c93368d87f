package dev.recipediff.functions.observability;

/**
 * Builds one JSON object on one line. Strings are escaped as JSON requires, and so are every control character and
 * the line and paragraph separators, so that nothing a value holds (an object key with a newline, say) can end
 * the line early and forge another.
 */
public final class JsonLine {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    /** Adds {@code "name": "value"}; a null value is left out. */
    public JsonLine string(String name, String value) {
        if (value != null) {
            name(name);
            quote(out, value);
        }
        return this;
    }

    /** Adds {@code "name": number}. */
    public JsonLine number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** Adds {@code "name": number}; NaN and infinities are left out (JSON has no such numbers). */
    public JsonLine number(String name, double value) {
        if (Double.isFinite(value)) {
            name(name);
            out.append(value);
        }
        return this;
    }

    /** Adds {@code "name": <json>} where {@code json} is already valid JSON (an object or array built elsewhere). */
    public JsonLine raw(String name, String json) {
        name(name);
        out.append(json);
        return this;
    }

    /** Adds a value of any type: numbers and booleans as themselves, everything else as its string. */
    public JsonLine value(String name, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return number(name, ((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return number(name, ((Number) value).doubleValue());
        }
        if (value instanceof Boolean b) {
            name(name);
            out.append(b.booleanValue());
            return this;
        }
        return string(name, value == null ? null : String.valueOf(value));
    }

    /** The finished object. */
    public String end() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(out, name);
        out.append(':');
    }

    /** Appends {@code text} as a JSON string literal. */
    public static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
