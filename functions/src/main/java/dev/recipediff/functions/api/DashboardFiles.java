package dev.recipediff.functions.api;

import dev.recipediff.functions.dashboard.StaticAsset;
import dev.recipediff.functions.dashboard.StaticAssets;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Answers {@code GET /}, {@code /docs} and {@code /assets/...} with the dashboard's static files: no token
 * needed (the pages hold no data; every API call they make carries the user's token), revalidated by ETag,
 * gzip when the browser accepts it, and a content security policy that lets the pages talk to this origin
 * only — no fonts, scripts or requests from anywhere else.
 */
public final class DashboardFiles {

    /** The content security policy of every dashboard file. */
    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final StaticAssets assets;

    public DashboardFiles(StaticAssets assets) {
        this.assets = assets;
    }

    public ApiResponse serve(ApiRequest request) {
        StaticAsset asset =
                assets.find(request.path()).orElseThrow(() -> ApiException.notFound("no such file: " + request.path()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", asset.contentType());
        headers.put("Cache-Control", asset.cacheControl());
        headers.put("ETag", asset.etag());
        headers.put("Vary", "Accept-Encoding");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        if (request.header("If-None-Match")
                .filter(tags -> tags.contains(asset.etag()))
                .isPresent()) {
            return new ApiResponse(304, headers, new byte[0]);
        }
        boolean gzip = asset.gzipped() != null
                && request.header("Accept-Encoding")
                        .map(value -> value.toLowerCase(Locale.ROOT).contains("gzip"))
                        .orElse(false);
        if (gzip) {
            headers.put("Content-Encoding", "gzip");
            return new ApiResponse(200, headers, asset.gzipped());
        }
        return new ApiResponse(200, headers, asset.bytes());
    }
}
