package dev.recipediff.functions.analytics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.auth.AuthorizerContext;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.testing.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Calls the API handler the way API Gateway does after the authorizer let a kitchen's token through. */
final class ApiCalls {

    private final ApiHandler handler;
    private final String kitchen;
    private final Set<Scope> scopes;

    ApiCalls(ApiHandler handler, String kitchen, Set<Scope> scopes) {
        this.handler = handler;
        this.kitchen = kitchen;
        this.scopes = scopes;
    }

    static ApiCalls readWrite(ApiHandler handler, String kitchen) {
        return new ApiCalls(handler, kitchen, EnumSet.of(Scope.READ, Scope.WRITE));
    }

    ApiCalls readOnly() {
        return new ApiCalls(handler, kitchen, EnumSet.of(Scope.READ));
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    Answer post(String path, String body, String idempotencyKey) {
        return send("POST", path, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Answer anonymousGet(String path) {
        APIGatewayV2HTTPEvent event = event("GET", path, null, Map.of());
        return new Answer(OpenApiContract.get().check(event, handler.handleRequest(event, null)));
    }

    private Answer send(String method, String path, String body, Map<String, String> extraHeaders) {
        APIGatewayV2HTTPEvent event = event(method, path, body, extraHeaders);
        Map<String, Object> lambda =
                new HashMap<>(AuthorizerContext.authenticated(new Identity(kitchen, scopes, "test-token")));
        event.getRequestContext()
                .setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withLambda(lambda)
                        .build());
        return new Answer(OpenApiContract.get().check(event, handler.handleRequest(event, null)));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Map<String, String> query = new HashMap<>();
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .build())
                        .build())
                .build();
    }

    /** A response, its body parsed as JSON when it is JSON. */
    record Answer(APIGatewayV2HTTPResponse response) {
        int status() {
            return response.getStatusCode();
        }

        JsonNode json() {
            try {
                return RecipeJson.mapper().readTree(response.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return response.getHeaders().get(name);
        }
    }
}
