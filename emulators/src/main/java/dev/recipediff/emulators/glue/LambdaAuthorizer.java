package dev.recipediff.emulators.glue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's side of a Lambda REQUEST authorizer with simple responses: a missing identity source is 401
 * without an invocation, {@code isAuthorized} decides, {@code context} is passed on, and decisions are cached
 * per identity (the identity headers' values) for the TTL, like API Gateway's authorizer cache.
 */
final class LambdaAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaAuthorizer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    sealed interface Decision permits Allowed, Denied {}

    record Allowed(Map<String, Object> context) implements Decision {}

    record Denied(ApiGatewayFrontDoor.GatewayResponse response) implements Decision {}

    private record Cached(Decision decision, long expiresAtNanos) {}

    private final RequestHandler<APIGatewayV2CustomAuthorizerEvent, ?> handler;
    private final Duration ttl;
    private final List<String> identityHeaders;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizer(
            RequestHandler<APIGatewayV2CustomAuthorizerEvent, ?> handler, Duration ttl, List<String> identityHeaders) {
        this.handler = handler;
        this.ttl = ttl;
        this.identityHeaders = identityHeaders;
    }

    Decision authorize(APIGatewayV2CustomAuthorizerEvent event) {
        Map<String, String> headers = event.getHeaders();
        String required = headers.get(identityHeaders.getFirst());
        if (required == null || required.isBlank()) {
            return new Denied(ApiGatewayFrontDoor.GatewayResponse.UNAUTHORIZED);
        }
        List<String> identity =
                identityHeaders.stream().map(h -> headers.getOrDefault(h, "")).toList();
        event.setIdentitySource(identity.stream().filter(v -> !v.isEmpty()).toList());
        String key = String.join("\n", identity);
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAtNanos() - now > 0) {
            return cached.decision();
        }
        Decision decision = invoke(event);
        if (!ttl.isZero()
                && !(decision instanceof Denied denied && denied.response().status() == 500)) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(key, new Cached(decision, now + ttl.toNanos()));
        }
        return decision;
    }

    private Decision invoke(APIGatewayV2CustomAuthorizerEvent event) {
        Object result;
        try {
            result = handler.handleRequest(event, new LocalLambdaContext("authorizer", Duration.ofSeconds(10)));
        } catch (RuntimeException e) {
            LOG.error("the authorizer failed: {}", e.toString());
            return new Denied(ApiGatewayFrontDoor.GatewayResponse.INTERNAL_ERROR);
        }
        JsonNode response = MAPPER.valueToTree(result);
        if (response == null || !response.isObject()) {
            LOG.error("the authorizer returned no simple response");
            return new Denied(ApiGatewayFrontDoor.GatewayResponse.INTERNAL_ERROR);
        }
        JsonNode allowed = response.has("isAuthorized") ? response.get("isAuthorized") : response.get("authorized");
        if (allowed == null || !allowed.isBoolean()) {
            LOG.error("the authorizer's response has no boolean isAuthorized");
            return new Denied(ApiGatewayFrontDoor.GatewayResponse.INTERNAL_ERROR);
        }
        if (!allowed.booleanValue()) {
            return new Denied(ApiGatewayFrontDoor.GatewayResponse.FORBIDDEN);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        JsonNode contextNode = response.get("context");
        if (contextNode != null && contextNode.isObject()) {
            contextNode
                    .properties()
                    .forEach(entry -> context.put(entry.getKey(), MAPPER.convertValue(entry.getValue(), Object.class)));
        }
        return new Allowed(Map.copyOf(context));
    }
}
