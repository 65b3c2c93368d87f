package dev.recipediff.functions.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The authorizer's service: reads {@code Authorization: Bearer <token>}, authenticates the token and answers the
 * verdict the API handler authorizes from ({@link AuthorizerContext}). The verdict depends on the token alone, so
 * API Gateway may cache it per {@code Authorization} header.
 */
public final class BearerAuthentication {

    private static final String BEARER = "bearer ";

    private final TokenService tokens;

    public BearerAuthentication(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The verdict for a request's headers (the authorizer's context): authenticated, or why not. */
    public Map<String, String> verdict(Map<String, String> headers) {
        Optional<String> authorization = header(headers, "authorization");
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return AuthorizerContext.unauthenticated("Authorization: Bearer <token> is required");
        }
        String value = authorization.get().strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return AuthorizerContext.unauthenticated("the Authorization header must be 'Bearer <token>'");
        }
        String token = value.substring(BEARER.length()).strip();
        if (!TokenService.isWellFormed(token)) {
            return AuthorizerContext.unauthenticated("the bearer token is malformed");
        }
        Optional<Identity> identity = tokens.authenticate(token);
        if (identity.isEmpty()) {
            return AuthorizerContext.unauthenticated("the bearer token is unknown or revoked");
        }
        // the verdict depends on the token alone, so API Gateway may cache it per Authorization header; a service
        // token's X-Recipediff-Kitchen is applied by the API (HttpEdge), never here
        return AuthorizerContext.authenticated(identity.get());
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
