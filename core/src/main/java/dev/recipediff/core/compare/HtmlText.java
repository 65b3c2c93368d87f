package dev.recipediff.core.compare;

import java.util.Map;

/**
 * Text as a reader sees it, for comparing: HTML tags dropped (each leaves a space) and character references
 * decoded ({@code &#39;}, {@code &amp;}, {@code &rsquo;}, {@code &#x2019;}; a doubly encoded {@code &amp;#39;} too),
 * so that a make differing only in its entities or tags compares equal. Text without {@code &} or {@code <} is
 * returned as it is.
 */
final class HtmlText {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("rsquo", "’"),
            Map.entry("lsquo", "‘"),
            Map.entry("rdquo", "”"),
            Map.entry("ldquo", "“"),
            Map.entry("ndash", "–"),
            Map.entry("mdash", "—"),
            Map.entry("hellip", "…"),
            Map.entry("frac12", "½"),
            Map.entry("frac14", "¼"),
            Map.entry("frac34", "¾"),
            Map.entry("deg", "°"),
            Map.entry("eacute", "é"),
            Map.entry("egrave", "è"),
            Map.entry("agrave", "à"),
            Map.entry("ccedil", "ç"),
            Map.entry("ntilde", "ñ"),
            Map.entry("uuml", "ü"),
            Map.entry("ouml", "ö"),
            Map.entry("auml", "ä"),
            Map.entry("times", "×"),
            Map.entry("reg", "®"),
            Map.entry("copy", "©"),
            Map.entry("trade", "™"),
            Map.entry("iacute", "í"),
            Map.entry("aacute", "á"),
            Map.entry("oacute", "ó"),
            Map.entry("uacute", "ú"),
            Map.entry("ecirc", "ê"),
            Map.entry("icirc", "î"),
            Map.entry("ocirc", "ô"));

    private HtmlText() {}

    static String plain(String text) {
        if (text == null || text.indexOf('&') < 0 && text.indexOf('<') < 0) {
            return text;
        }
        String plain = text;
        for (int round = 0; round < 2 && plain.indexOf('&') >= 0; round++) {
            plain = decode(plain);
        }
        return plain.indexOf('<') >= 0 ? stripTags(plain) : plain;
    }

    private static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? text.indexOf(';', i + 1) : -1;
            if (semicolon > i + 1 && semicolon - i <= 10) {
                String decoded = reference(text.substring(i + 1, semicolon));
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String reference(String name) {
        if (name.charAt(0) != '#') {
            return NAMED.get(name);
        }
        try {
            int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                    ? Integer.parseInt(name.substring(2), 16)
                    : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Drops {@code <tag …>} and {@code </tag>} (a {@code <} not starting a tag stays). */
    private static String stripTags(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<'
                    && i + 1 < text.length()
                    && (Character.isLetter(text.charAt(i + 1))
                            || text.charAt(i + 1) == '/'
                            || text.charAt(i + 1) == '!')) {
                int end = text.indexOf('>', i + 1);
                if (end > 0) {
                    out.append(' ');
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
