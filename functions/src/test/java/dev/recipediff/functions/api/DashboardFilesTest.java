package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.recipediff.functions.dashboard.StaticAssets;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.HttpEvents;
import dev.recipediff.functions.store.WriteAttempt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardFilesTest {

    private static final StaticAssets ASSETS = new StaticAssets();
    private final DashboardFiles files = new DashboardFiles(ASSETS);

    private static ApiRequest get(String path, String... headerPairs) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i].toLowerCase(), headerPairs[i + 1]);
        }
        return new ApiRequest(
                "GET", path, Map.of(), Map.of(), headers, null, "test", Optional.empty(), WriteAttempt.once());
    }

    @Test
    void theRootIsTheDashboardPage() {
        ApiResponse response = files.serve(get("/"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-cache");
        assertThat(response.bodyText()).contains("<title>recipediff").contains("/assets/app.js");
    }

    @Test
    void everyFileCarriesASameOriginContentSecurityPolicy() {
        ApiResponse response = files.serve(get("/assets/app.js"));

        assertThat(response.headers().get("Content-Security-Policy"))
                .contains("default-src 'self'", "connect-src 'self'", "script-src 'self'")
                .doesNotContain("http:", "https:", "unsafe-eval");
        assertThat(response.headers()).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void docsIsSwaggerUiOverTheOpenapiDocument() {
        ApiResponse page = files.serve(get("/docs"));
        ApiResponse bundle = files.serve(get("/assets/vendor/swagger-ui/swagger-ui-bundle.js"));

        assertThat(page.bodyText()).contains("/assets/vendor/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.headers().get("Content-Type")).startsWith("text/javascript");
        assertThat(files.serve(get("/assets/docs.js")).bodyText()).contains("/openapi.json");
    }

    @Test
    void echartsComesFromItsWebjar() {
        ApiResponse response = files.serve(get("/assets/vendor/echarts/echarts.min.js"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().length).isGreaterThan(500_000);
    }

    @Test
    void aBrowserThatAcceptsGzipGetsTheFileCompressed() throws IOException {
        ApiResponse plain = files.serve(get("/assets/vendor/echarts/echarts.min.js"));
        ApiResponse compressed =
                files.serve(get("/assets/vendor/echarts/echarts.min.js", "Accept-Encoding", "gzip, deflate, br"));

        assertThat(compressed.headers()).containsEntry("Content-Encoding", "gzip");
        assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void aCompressedFileReachesApiGatewayBase64Encoded() {
        ApiResponse compressed = files.serve(get("/assets/style.css", "Accept-Encoding", "gzip"));

        APIGatewayV2HTTPResponse event = HttpEvents.response(compressed);

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(compressed.body());
        assertThat(event.getHeaders()).containsEntry("Content-Encoding", "gzip");
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String etag = files.serve(get("/assets/style.css")).headers().get("ETag");

        ApiResponse response = files.serve(get("/assets/style.css", "If-None-Match", etag));

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/assets/../../META-INF/MANIFEST.MF",
                "/assets/%2e%2e/secret.js",
                "/assets/app.js.bak",
                "/assets/vendor/swagger-ui/index.html",
                "/assets/vendor/echarts/echarts.js",
                "/assets/missing.js",
                "/assets//app.js",
                "/assets/app",
                "/dashboard/index.html",
                "/assets/app.class"
            })
    void nothingOutsideTheDashboardFilesIsServed(String path) {
        assertThatThrownBy(() -> files.serve(get(path))).isInstanceOf(ApiException.class);
    }

    @Test
    void textIsUtf8() {
        assertThat(new String(files.serve(get("/assets/diff.js")).body(), StandardCharsets.UTF_8))
                .contains("→");
    }
}
