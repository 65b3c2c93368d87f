package dev.recipediff.emulators.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiGatewayFrontDoorTest {

    private static final String GOOD_TOKEN = "Bearer good";
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger authorizerCalls = new AtomicInteger();
    private final List<APIGatewayV2HTTPEvent> apiEvents = new CopyOnWriteArrayList<>();
    private ApiGatewayFrontDoor frontDoor;

    private final RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> authorizer =
            (event, context) -> {
                authorizerCalls.incrementAndGet();
                boolean allowed = GOOD_TOKEN.equals(event.getHeaders().get("authorization"));
                return allowed
                        ? Map.of("isAuthorized", true, "context", Map.of("kitchen", "default", "scopes", "read"))
                        : Map.of("isAuthorized", false);
            };

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api = (event, context) -> {
        apiEvents.add(event);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Served-By", "api"))
                .withBody("{\"ok\":true}")
                .build();
    };

    @AfterEach
    void stop() {
        if (frontDoor != null) {
            frontDoor.close();
        }
    }

    @Test
    void withoutAnAuthorizationHeaderAProtectedPathIs401AndTheAuthorizerIsNotCalled() throws Exception {
        start(Duration.ZERO);

        var response = send(HttpRequest.newBuilder(uri("/recipes")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Unauthorized\",\"message\":\"Unauthorized\"}");
        assertThat(authorizerCalls).hasValue(0);
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aDeniedTokenIs403() throws Exception {
        start(Duration.ZERO);

        var response = send(HttpRequest.newBuilder(uri("/recipes"))
                .header("Authorization", "Bearer bad")
                .GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Forbidden\",\"message\":\"Forbidden\"}");
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void anAllowedRequestReachesTheApiAsAPayload20EventWithTheAuthorizerContext() throws Exception {
        start(Duration.ZERO);

        var response = send(HttpRequest.newBuilder(uri("/recipes/42/makes?limit=5&tag=a&tag=b%20c"))
                .header("Authorization", GOOD_TOKEN)
                .header("X-Custom", "Value")
                .header("Cookie", "a=1; b=2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
                .header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().firstValue("x-served-by")).contains("api");
        var event = apiEvents.getFirst();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("$default");
        assertThat(event.getRawPath()).isEqualTo("/recipes/42/makes");
        assertThat(event.getRawQueryString()).isEqualTo("limit=5&tag=a&tag=b%20c");
        assertThat(event.getQueryStringParameters()).containsEntry("limit", "5").containsEntry("tag", "a,b c");
        assertThat(event.getHeaders())
                .containsEntry("x-custom", "Value")
                .containsEntry("authorization", GOOD_TOKEN)
                .doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getBody()).isEqualTo("{\"x\":1}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        var context = event.getRequestContext();
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getRequestId()).isNotBlank();
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/recipes/42/makes");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getAuthorizer().getLambda())
                .containsEntry("kitchen", "default")
                .containsEntry("scopes", "read");
    }

    @Test
    void aBinaryBodyArrivesBase64Encoded() throws Exception {
        start(Duration.ZERO);

        send(HttpRequest.newBuilder(uri("/upload"))
                .header("Authorization", GOOD_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2})));

        assertThat(apiEvents.getFirst().getIsBase64Encoded()).isTrue();
        assertThat(apiEvents.getFirst().getBody()).isEqualTo("AAEC");
    }

    @Test
    void aJsonBodyThatIsNotUtf8ArrivesBase64EncodedWithItsOwnBytes() throws Exception {
        start(Duration.ZERO);

        send(HttpRequest.newBuilder(uri("/recipes"))
                .header("Authorization", GOOD_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xE9, '"'})));

        assertThat(apiEvents.getFirst().getIsBase64Encoded()).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(apiEvents.getFirst().getBody()))
                .containsExactly('"', (byte) 0xE9, '"');
    }

    @Test
    void publicPathsSkipTheAuthorizer() throws Exception {
        start(Duration.ZERO);

        var docs = send(HttpRequest.newBuilder(uri("/openapi.json")).GET());
        var asset = send(HttpRequest.newBuilder(uri("/assets/app.js")).GET());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(authorizerCalls).hasValue(0);
        assertThat(apiEvents.getFirst().getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void decisionsAreCachedPerIdentityForTheTtl() throws Exception {
        start(Duration.ofMinutes(5));

        send(HttpRequest.newBuilder(uri("/recipes"))
                .header("Authorization", GOOD_TOKEN)
                .GET());
        send(HttpRequest.newBuilder(uri("/recipes/1"))
                .header("Authorization", GOOD_TOKEN)
                .GET());
        send(HttpRequest.newBuilder(uri("/recipes"))
                .header("Authorization", GOOD_TOKEN)
                .header("X-Recipediff-Kitchen", "other")
                .GET());

        assertThat(authorizerCalls).hasValue(2);
        assertThat(apiEvents).hasSize(3);
    }

    @Test
    void aBodyOverTenMebibytesIs413WithoutCallingAnything() throws Exception {
        start(Duration.ZERO);

        var response = send(HttpRequest.newBuilder(uri("/recipes"))
                .header("Authorization", GOOD_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ApiGatewayFrontDoor.MAX_BODY_BYTES + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(authorizerCalls).hasValue(0);
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aHandlerThatThrowsIs500WithoutDetails() throws Exception {
        frontDoor = ApiGatewayFrontDoor.start(settings(Duration.ZERO), authorizer, (event, context) -> {
            throw new IllegalStateException("secret detail");
        });

        var response = send(HttpRequest.newBuilder(uri("/recipes"))
                .header("Authorization", GOOD_TOKEN)
                .GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .isEqualTo(
                        "{\"type\":\"/problems/internal_server_error\",\"title\":\"Internal Server Error\",\"status\":500,"
                                + "\"detail\":\"Internal Server Error\",\"message\":\"Internal Server Error\"}");
    }

    private void start(Duration cacheTtl) throws IOException {
        frontDoor = ApiGatewayFrontDoor.start(settings(cacheTtl), authorizer, api);
    }

    private static ApiGatewayFrontDoorSettings settings(Duration cacheTtl) {
        return ApiGatewayFrontDoorSettings.of(
                0,
                Set.of("/openapi.json", "/", "/assets/{path+}"),
                List.of("authorization", "x-recipediff-kitchen"),
                cacheTtl);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(frontDoor.endpoint() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
