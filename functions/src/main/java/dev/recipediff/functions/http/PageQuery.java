package dev.recipediff.functions.http;

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
        return Base64.getUrlEncoder().withoutPadding()
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

    private static String position(String cursor, String prefix) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(VERSION) && decoded.startsWith(prefix, VERSION.length())
                    && decoded.length() > VERSION.length()) {
                return decoded.substring(VERSION.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw ApiException.invalidParameter("/query/next", "is not a cursor returned by this listing");
    }
}
