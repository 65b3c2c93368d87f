package dev.recipediff.functions.api;

import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code GET /openapi.json}: the OpenAPI 3.1 document (a resource kept honest by a test against the routes). */
public final class OpenApiResource {

    public static final String RESOURCE = "/openapi.json";

    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiResponse document(ApiRequest request) {
        return new ApiResponse(200, Map.of("Content-Type", ApiResponse.JSON, "Cache-Control", "max-age=300"), document);
    }
}
