package dev.recipediff.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Translates API Gateway HTTP API payload 2.0 events to {@link RawRequest} and responses back. */
public final class HttpEvents {

    private HttpEvents() {}

    public static RawRequest request(APIGatewayV2HTTPEvent event) {
        Optional<APIGatewayV2HTTPEvent.RequestContext> context = Optional.ofNullable(event.getRequestContext());
        String method = context.map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod)
                .orElse("GET")
                .toUpperCase(Locale.ROOT);
        String path = Optional.ofNullable(event.getRawPath())
                .or(() -> context.map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                        .map(APIGatewayV2HTTPEvent.RequestContext.Http::getPath))
                .orElse("/");
        String requestId = context.map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        Map<String, Object> authorizer = context.map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getLambda)
                .orElse(null);
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        Map<String, String> query =
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        String sourceIp = context.map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp)
                .filter(ip -> !ip.isBlank())
                .orElse("-");
        return new RawRequest(
                method,
                path,
                query,
                headers,
                event.getBody(),
                event.getIsBase64Encoded(),
                requestId,
                authorizer,
                sourceIp);
    }

    public static APIGatewayV2HTTPResponse response(ApiResponse response) {
        String contentType = response.headers().getOrDefault("Content-Type", "");
        boolean encoded = response.headers().containsKey("Content-Encoding");
        boolean text = !encoded
                && (contentType.isEmpty()
                        || contentType.contains("json")
                        || contentType.startsWith("text/")
                        || contentType.contains("javascript"));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers()))
                .withBody(
                        text
                                ? new String(response.body(), StandardCharsets.UTF_8)
                                : Base64.getEncoder().encodeToString(response.body()))
                .withIsBase64Encoded(!text)
                .build();
    }
}
