package dev.recipediff.emulators.glue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The HTTP API's shape.
 *
 * @param port               0 picks a free one
 * @param publicPaths        routes served without the authorizer, as API Gateway route paths: exact
 *                           ({@code /openapi.json}) or ending in a greedy variable ({@code /assets/{path+}})
 * @param identityHeaders    lower-case request headers that make up the authorizer's identity source and cache
 *                           key; the first is required (normally {@code authorization}), the others optional
 * @param authorizerCacheTtl how long an authorizer decision is reused for the same identity (0 = never)
 */
public record ApiGatewayFrontDoorSettings(int port, Set<String> publicPaths, List<String> identityHeaders,
                                          Duration authorizerCacheTtl, int threads) {

    public ApiGatewayFrontDoorSettings {
        publicPaths = Set.copyOf(publicPaths);
        identityHeaders = identityHeaders.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
        if (identityHeaders.isEmpty()) {
            throw new IllegalArgumentException("at least one identity header (authorization) is needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    public static ApiGatewayFrontDoorSettings of(int port, Set<String> publicPaths, List<String> identityHeaders,
                                                 Duration authorizerCacheTtl) {
        return new ApiGatewayFrontDoorSettings(port, publicPaths, identityHeaders, authorizerCacheTtl, 8);
    }
}
