package dev.recipediff.core.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text as a reader of the page sees it. Recipe sites put HTML into their JSON-LD strings ({@code Fast &amp; Easy},
 * {@code confectioners&#39; sugar}, {@code <p>Preheat…</p>}); every text field of both formats goes through here:
 * <ol>
 *   <li>HTML character references are decoded: named ({@code &amp;}, {@code &eacute;}, the whole WHATWG table),
 *       decimal ({@code &#39;}) and hexadecimal ({@code &#x27;}); double-encoded ones ({@code &amp;#39;},
 *       {@code &lt;p&gt;}) are decoded again. A reference the table does not know, or one without its {@code ;},
 *       stays as written.</li>
 *   <li>Tags are removed ({@code <a href=…>text</a>} keeps {@code text}); block tags ({@code <br>}, {@code <p>},
 *       {@code <li>}, {@code <div>}, headings, …) become line breaks; comments {@code <!-- … -->} disappear. A
 *       {@code <} that does not open a tag ({@code < 5 minutes}, {@code 3<4}) is text.</li>
 *   <li>White space is collapsed: any run of spaces, tabs, no-break spaces, other Unicode spaces and control
 *       characters becomes one space; zero-width spaces, byte order marks and soft hyphens are removed; each line
 *       is stripped and empty lines are dropped.</li>
 * </ol>
 * Steps 1 and 2 repeat until nothing changes (at most {@value #MAX_PASSES} passes).
 * {@link #line} joins the lines with a space (names, ingredient lines, a step); {@link #lines} keeps them apart
 * (instructions are split into steps on them). Both are idempotent, and text that needs none of this (the
 * common case) is returned without copying.
 */
public final class ReadableText {

    /** Passes of decoding and tag removal (each undoes one level of encoding): bounds the work on any input. */
    static final int MAX_PASSES = 8;
    /** The longest named reference in the table ({@code &CounterClockwiseContourIntegral;}). */
    private static final int MAX_ENTITY_NAME = 32;

    private static final Set<String> BLOCK_TAGS = Set.of(
            "br",
            "p",
            "div",
            "li",
            "ol",
            "ul",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "td",
            "th",
            "table",
            "tbody",
            "thead",
            "section",
            "article",
            "blockquote",
            "hr",
            "dd",
            "dt",
            "dl",
            "pre",
            "header",
            "footer",
            "figure",
            "figcaption",
            "address");
    private static final Pattern ENTITY_LEFT =
            Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern TAG_LEFT = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>|<!--");
    /** Windows-1252 for the C1 range, as HTML decodes {@code &#128;}–{@code &#159;}. */
    private static final String CP1252_C1 = "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160"
            + "\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\uFFFD\u017E\u0178";

    private ReadableText() {}

    /** The text on one line, as a reader sees it; {@code null} stays {@code null}; may be empty. */
    public static String line(String raw) {
        if (raw == null) {
            return null;
        }
        if (isPlainLine(raw)) {
            return raw;
        }
        return String.join(" ", lines(raw));
    }

    /** The non-empty lines of the text as a reader sees it (line breaks and block tags separate lines). */
    public static List<String> lines(String raw) {
        List<String> lines = new ArrayList<>();
        if (raw == null) {
            return lines;
        }
        if (isPlainLine(raw)) {
            if (!raw.isEmpty()) {
                lines.add(raw);
            }
            return lines;
        }
        String text = withoutInvisible(raw);
        for (int pass = 0; pass < MAX_PASSES && (text.indexOf('&') >= 0 || text.indexOf('<') >= 0); pass++) {
            String next = stripTags(decodeOnce(text));
            if (next.equals(text)) {
                break;
            }
            text = next;
        }
        collapse(text, lines);
        return lines;
    }

    /** True when the text still holds an HTML character reference or tag (what {@link #line} removes). */
    public static boolean hasMarkup(String text) {
        return text != null
                && (text.indexOf('&') >= 0 && ENTITY_LEFT.matcher(text).find()
                        || text.indexOf('<') >= 0 && TAG_LEFT.matcher(text).find());
    }

    /** Nothing to do: no reference, no tag, single spaces only, no space at either end. */
    private static boolean isPlainLine(String text) {
        int length = text.length();
        if (length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ')) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == ' ' && previous == ' ' || c != ' ' && isSpecial(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** A character that is white space, a line break, a control character or invisible. */
    private static boolean isSpecial(char c) {
        if (c < 0x20 || c >= 0x7F && c <= 0xA0) {
            return true;
        }
        if (c < 0x2000) {
            return c == '\u00AD' || c == '\u1680';
        }
        return c <= 0x200B
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000'
                || c == '\uFEFF';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n'
                || c == '\r'
                || c == '\u000B'
                || c == '\u000C'
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029';
    }

    private static boolean isRemoved(char c) {
        return c == '\u200B' || c == '\uFEFF' || c == '\u00AD';
    }

    /** The text without zero-width spaces, byte order marks and soft hyphens (so they cannot hide a tag). */
    private static String withoutInvisible(String text) {
        if (text.indexOf('\u200B') < 0 && text.indexOf('\uFEFF') < 0 && text.indexOf('\u00AD') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isRemoved(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static void collapse(String text, List<String> lines) {
        StringBuilder line = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                endLine(line, lines);
                space = false;
            } else if (isRemoved(c)) {
                continue;
            } else if (c == ' ' || isSpecial(c)) {
                space = !line.isEmpty();
            } else {
                if (space) {
                    line.append(' ');
                    space = false;
                }
                line.append(c);
            }
        }
        endLine(line, lines);
    }

    private static void endLine(StringBuilder line, List<String> lines) {
        if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static String decodeOnce(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '&' ? reference(text, i, out) : -1;
            if (end < 0) {
                out.append(c);
                i++;
            } else {
                i = end;
            }
        }
        return out.toString();
    }

    /** Appends the decoded reference starting at {@code at} and returns the index after it, or -1 if none. */
    private static int reference(String text, int at, StringBuilder out) {
        int semicolon = text.indexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at - 1 > MAX_ENTITY_NAME || semicolon == at + 1) {
            return -1;
        }
        String body = text.substring(at + 1, semicolon);
        if (body.charAt(0) == '#') {
            int codePoint = numeric(body);
            if (codePoint < 0) {
                return -1;
            }
            out.append(
                    codePoint >= 0x80 && codePoint <= 0x9F
                            ? String.valueOf(CP1252_C1.charAt(codePoint - 0x80))
                            : Character.toString(codePoint));
            return semicolon + 1;
        }
        String decoded = Entities.TABLE.get(body);
        if (decoded == null) {
            return -1;
        }
        out.append(decoded);
        return semicolon + 1;
    }

    /** The code point of {@code #123} or {@code #x7B}; U+FFFD for one that is not a character; -1 if malformed. */
    private static int numeric(String body) {
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > (hex ? 6 : 7)) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), hex ? 16 : 10);
            if (digit < 0 || digits.charAt(i) > 'f') { // ASCII digits only
                return -1;
            }
            value = value * (hex ? 16 : 10) + digit;
        }
        boolean character = value > 0
                && value <= Character.MAX_CODE_POINT
                && !(value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE);
        return character ? value : 0xFFFD;
    }

    /** Removes tags and comments; block tags become a line break. */
    static String stripTags(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                i = close < 0 ? text.length() : close + 3;
                continue;
            }
            int nameStart = i + 1 < text.length() && text.charAt(i + 1) == '/' ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < text.length() && isTagNameChar(text.charAt(nameEnd), nameEnd == nameStart)) {
                nameEnd++;
            }
            int close = nameEnd > nameStart ? tagEnd(text, nameEnd) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (BLOCK_TAGS.contains(name)) {
                out.append('\n');
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static boolean isTagNameChar(char c, boolean first) {
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        return first ? letter : letter || c >= '0' && c <= '9' || c == '-';
    }

    /** The index of the {@code >} closing a tag whose name ends at {@code from}, or -1 if this is no tag. */
    private static int tagEnd(String text, int from) {
        if (from >= text.length()) {
            return -1;
        }
        char next = text.charAt(from);
        if (next != '>' && next != '/' && !Character.isWhitespace(next) && !isSpecial(next)) {
            return -1;
        }
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /** The named references, loaded on first use. */
    private static final class Entities {
        static final Map<String, String> TABLE = load();

        private static Map<String, String> load() {
            Map<String, String> table = new HashMap<>(4096);
            try (InputStream in = ReadableText.class.getResourceAsStream("html-entities.txt")) {
                if (in == null) {
                    throw new IllegalStateException("html-entities.txt is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                    if (row.isEmpty() || row.charAt(0) == '#') {
                        continue;
                    }
                    int space = row.indexOf(' ');
                    StringBuilder value = new StringBuilder(2);
                    for (String hex : row.substring(space + 1).split(",")) {
                        value.appendCodePoint(Integer.parseInt(hex, 16));
                    }
                    table.put(row.substring(0, space), value.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read html-entities.txt", e);
            }
            return table;
        }
    }
}
