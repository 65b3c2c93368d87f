package dev.recipediff.emulators.glue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The HTTP API's shape, and how the front door protects itself from slow or greedy clients.
 *
 * @param port               0 picks a free one
 * @param publicPaths        routes served without the authorizer, as API Gateway route paths: exact
 *                           ({@code /openapi.json}) or ending in a greedy variable ({@code /assets/{path+}})
 * @param identityHeaders    lower-case request headers that make up the authorizer's identity source and cache
 *                           key; the first is required (normally {@code authorization}), the others optional
 * @param authorizerCacheTtl how long an authorizer decision is reused for the same identity (0 = never)
 * @param threads            requests handled at once (the rest wait; slow clients hold no thread while sending)
 * @param limits             time-outs and connection caps
 */
public record ApiGatewayFrontDoorSettings(
        int port,
        Set<String> publicPaths,
        List<String> identityHeaders,
        Duration authorizerCacheTtl,
        int threads,
        Limits limits) {

    public ApiGatewayFrontDoorSettings {
        publicPaths = Set.copyOf(publicPaths);
        identityHeaders = identityHeaders.stream()
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .toList();
        if (identityHeaders.isEmpty()) {
            throw new IllegalArgumentException("at least one identity header (authorization) is needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    public ApiGatewayFrontDoorSettings(
            int port, Set<String> publicPaths, List<String> identityHeaders, Duration authorizerCacheTtl, int threads) {
        this(port, publicPaths, identityHeaders, authorizerCacheTtl, threads, Limits.DEFAULT);
    }

    public static ApiGatewayFrontDoorSettings of(
            int port, Set<String> publicPaths, List<String> identityHeaders, Duration authorizerCacheTtl) {
        return new ApiGatewayFrontDoorSettings(port, publicPaths, identityHeaders, authorizerCacheTtl, 8);
    }

    public ApiGatewayFrontDoorSettings withLimits(Limits newLimits) {
        return new ApiGatewayFrontDoorSettings(
                port, publicPaths, identityHeaders, authorizerCacheTtl, threads, newLimits);
    }

    /**
     * What a client may take of the front door.
     *
     * @param headerTimeout        a request's line and headers must arrive within this (else the connection is closed)
     * @param bodyTimeout          its body within this, once the headers are in (else 408)
     * @param idleTimeout          a connection with nothing arriving for this long is closed
     * @param maxHeaderBytes       request line + headers at most (else 431)
     * @param maxConnectionsPerClient open connections per client address (more are closed at once)
     * @param maxConnections       open connections in total (more wait in the accept backlog)
     */
    public record Limits(
            Duration headerTimeout,
            Duration bodyTimeout,
            Duration idleTimeout,
            int maxHeaderBytes,
            int maxConnectionsPerClient,
            int maxConnections) {

        public static final Limits DEFAULT =
                new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 16 * 1024, 64, 512);

        public Limits {
            if (maxConnectionsPerClient < 1 || maxConnections < maxConnectionsPerClient) {
                throw new IllegalArgumentException("need 1 <= maxConnectionsPerClient <= maxConnections");
            }
        }
    }
}
