package dev.recipediff.functions.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.lambda.ApiHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Calls an {@link ApiHandler} as one kitchen, the way API Gateway would after the authorizer. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiHandler handler;
    private final String kitchen;
    private final Set<Scope> scopes;

    public ApiClient(ApiHandler handler, String kitchen, Set<Scope> scopes) {
        this.handler = handler;
        this.kitchen = kitchen;
        this.scopes = scopes;
    }

    public static ApiClient readWrite(ApiHandler handler, String kitchen) {
        return new ApiClient(handler, kitchen, EnumSet.of(Scope.READ, Scope.WRITE));
    }

    public ApiEvents request(String method, String path) {
        return ApiEvents.request(method, path).as(kitchen, scopes);
    }

    public Reply send(ApiEvents request) {
        APIGatewayV2HTTPEvent event = request.build();
        return Reply.of(OpenApiContract.get().check(event, handler.handleRequest(event, null)));
    }

    public Reply get(String path) {
        return send(request("GET", path));
    }

    public Reply post(String path, String body) {
        return send(request("POST", path).body(body).header("content-type", "application/json"));
    }

    public Reply put(String path, String body) {
        return send(request("PUT", path).body(body).header("content-type", "application/json"));
    }

    /** A response with its body parsed. */
    public record Reply(int status, Map<String, String> headers, JsonNode json, String text) {
        static Reply of(APIGatewayV2HTTPResponse response) {
            String text = response.getBody();
            JsonNode json;
            try {
                json = text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Reply(
                    response.getStatusCode(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders(),
                    json,
                    text);
        }
    }
}
