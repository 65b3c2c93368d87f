package dev.recipediff.functions.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A request's body as a route gets it: decoded, bounded (413) and, where a route takes one, JSON (415). */
final class RequestBodies {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private RequestBodies() {}

    /** The body's bytes (decoded when base64), at most {@link #MAX_BODY_BYTES} (else 413). */
    static byte[] bytes(RawRequest raw) {
        if (raw.body() == null) {
            return new byte[0];
        }
        byte[] body;
        if (raw.base64Encoded()) {
            try {
                body = Base64.getMimeDecoder().decode(raw.body());
            } catch (IllegalArgumentException notBase64) {
                throw ApiException.badRequest(
                        "invalid_body",
                        "the body is marked base64 but is not",
                        List.of(new ErrorDetail("", "is not valid base64")));
            }
        } else {
            body = raw.body().getBytes(StandardCharsets.UTF_8);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(
                    413,
                    "too_large",
                    "the body is larger than 1 MiB",
                    List.of(new ErrorDetail("", "must be at most " + MAX_BODY_BYTES + " bytes")));
        }
        return body;
    }
    /** A route that takes a body takes JSON: anything else is 415. */
    static void requireJson(RawRequest raw) {
        String contentType =
                Optional.ofNullable(raw.headers().get("content-type")).orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || mediaType.equals("application/ld+json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "send JSON: Content-Type application/json, application/ld+json or another +json type",
                    List.of(new ErrorDetail(
                            "/headers/content-type",
                            mediaType.isEmpty() ? "is missing" : "must be a JSON media type")));
        }
    }
}
