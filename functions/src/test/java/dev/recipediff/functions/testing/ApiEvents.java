package dev.recipediff.functions.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.recipediff.functions.auth.AuthorizerContext;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test-data builder for API Gateway HTTP API (payload 2.0) events, starting from a real event fixture
 * ({@code events/api-post-recipe.json}) loaded with {@link EventLoader}.
 */
public final class ApiEvents {

    private final APIGatewayV2HTTPEvent event;

    private ApiEvents(String fixture) {
        this.event = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        event.setHeaders(new HashMap<>(event.getHeaders()));
    }

    /** A request as kitchen {@code kitchen} with read+write. */
    public static ApiEvents request(String method, String path) {
        return new ApiEvents("api-post-recipe.json")
                .method(method)
                .path(path)
                .body(null)
                .as("kitchen-a", EnumSet.of(Scope.READ, Scope.WRITE));
    }

    public static ApiEvents fixture(String fixture) {
        return new ApiEvents(fixture);
    }

    public ApiEvents method(String method) {
        event.getRequestContext().getHttp().setMethod(method);
        return this;
    }

    public ApiEvents path(String path) {
        String[] parts = path.split("\\?", 2);
        event.setRawPath(parts[0]);
        event.getRequestContext().getHttp().setPath(parts[0]);
        Map<String, String> query = new HashMap<>();
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length == 2 ? kv[1] : "");
            }
        }
        event.setRawQueryString(parts.length == 2 ? parts[1] : "");
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return this;
    }

    public ApiEvents body(String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return this;
    }

    /** A body of raw bytes, base64-encoded as the gateway sends bodies it cannot pass as text. */
    public ApiEvents bodyBytes(byte[] body) {
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return this;
    }

    public ApiEvents header(String name, String value) {
        if (value == null) {
            event.getHeaders().remove(name);
        } else {
            event.getHeaders().put(name, value);
        }
        return this;
    }

    public ApiEvents idempotencyKey(String key) {
        return header("idempotency-key", key);
    }

    public ApiEvents as(String kitchen, Set<Scope> scopes) {
        return authorizer(AuthorizerContext.authenticated(new Identity(kitchen, scopes, "0123456789abcdef")));
    }

    /** The authorizer context as API Gateway passes it ({@code requestContext.authorizer.lambda}). */
    public ApiEvents authorizer(Map<String, String> context) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setLambda(context == null ? null : new HashMap<>(context));
        event.getRequestContext().setAuthorizer(context == null ? null : authorizer);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return event;
    }
}
