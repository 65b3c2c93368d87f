package dev.recipediff.functions.http;

import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.StrictUtf8;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code ?limit=} (1–100, default 20) and the opaque {@code ?next=} cursor of a listing. A cursor is the
 * base64url of a position inside the caller's own listing (a sort key under the caller's kitchen, or an S3
 * continuation token); it cannot address another kitchen because the partition comes from the identity.
 */
public record PageQuery(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String VERSION = "c1:";
    /** Longer than any cursor a listing returns (an S3 key is at most 1,024 bytes: base64 of it + prefix). */
    static final int MAX_CURSOR = 1_500;

    private static final java.util.regex.Pattern TABLE_POSITION = java.util.regex.Pattern.compile("[0-9]{1,19}");

    /**
     * Reads the query; {@code positionPrefix} is what every position of this listing starts with (empty to
     * accept any).
     */
    public static PageQuery from(ApiRequest request, String positionPrefix) {
        int limit = request.queryParameter("limit").map(PageQuery::limit).orElse(DEFAULT_LIMIT);
        Optional<String> after = request.queryParameter("next").map(cursor -> position(cursor, positionPrefix));
        return new PageQuery(limit, after);
    }

    public static String cursor(String position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParameter("/query/limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    /**
     * The position inside a cursor, or a 400 for anything this listing never returned: not base64url, not UTF-8,
     * longer than {@value #MAX_CURSOR} characters, with control characters, without this listing's prefix, or —
     * for a table listing (a prefix ending in {@code #}) — anything but the 1-19 digits of an item key after it.
     */
    private static String position(String cursor, String prefix) {
        if (cursor.length() <= MAX_CURSOR) {
            try {
                String decoded = StrictUtf8.decode(Base64.getUrlDecoder().decode(cursor));
                String position = decoded.startsWith(VERSION) ? decoded.substring(VERSION.length()) : "";
                if (position.startsWith(prefix)
                        && position.length() > prefix.length()
                        && position.chars().noneMatch(Character::isISOControl)
                        && (!prefix.endsWith("#")
                                || TABLE_POSITION
                                        .matcher(position.substring(prefix.length()))
                                        .matches())) {
                    return position;
                }
            } catch (IllegalArgumentException | InvalidDocumentException malformed) {
                // reported below
            }
        }
        throw ApiException.invalidParameter("/query/next", "is not a cursor returned by this listing");
    }
}
