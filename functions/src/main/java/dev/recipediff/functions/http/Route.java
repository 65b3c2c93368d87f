package dev.recipediff.functions.http;

import dev.recipediff.functions.auth.Scope;
import java.util.Optional;

/**
 * One routed operation.
 *
 * @param method   HTTP method
 * @param path     the path template
 * @param scope    the scope a caller needs; empty = public (no token)
 * @param body     whether the route takes a JSON body (Content-Type and size are checked before it runs)
 * @param action   what it does
 */
public record Route(String method, PathTemplate path, Optional<Scope> scope, boolean body, RouteAction action) {

    /** A route's behaviour. */
    @FunctionalInterface
    public interface RouteAction {
        ApiResponse handle(ApiRequest request);
    }

    /** Mutating routes honour {@code Idempotency-Key}. */
    public boolean mutating() {
        return !method.equals("GET") && !method.equals("HEAD");
    }
}
