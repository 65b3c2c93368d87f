package dev.recipediff.functions.http;

import dev.recipediff.functions.auth.AuthorizerContext;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Who calls a route, from the authorizer's verdict (never from the token itself): unauthenticated → 401,
 * forbidden or a missing scope → 403, and a service token's acting kitchen ({@code X-Recipediff-Kitchen}).
 */
final class CallerIdentity {

    private CallerIdentity() {}

    /** The caller of a route: empty for a public route; 401/403 when the verdict or the scope refuses it. */
    static Optional<Identity> of(Route route, RawRequest raw) {
        if (route.scope().isEmpty()) {
            return Optional.empty();
        }
        Identity identity =
                switch (AuthorizerContext.read(raw.authorizerContext())) {
                    case AuthorizerContext.Verdict.Authenticated authenticated -> authenticated.identity();
                    case AuthorizerContext.Verdict.Unauthenticated refused ->
                        throw ApiException.unauthorized(refused.message());
                    case AuthorizerContext.Verdict.Forbidden refused -> throw ApiException.forbidden(refused.message());
                };
        identity = actingKitchen(identity, Optional.ofNullable(raw.headers().get(Identity.KITCHEN_HEADER)));
        if (!identity.has(route.scope().get())) {
            throw ApiException.forbidden(
                    "this token lacks the '" + route.scope().get().wireName() + "' scope");
        }
        return Optional.of(identity);
    }
    /**
     * A service token (the pipeline's) acts for the kitchen its request names in {@code X-Recipediff-Kitchen};
     * no other token may name a kitchen. Applied here rather than in the authorizer so that the authorizer's
     * verdict depends on the token alone and API Gateway can cache it per {@code Authorization} header.
     */
    private static Identity actingKitchen(Identity identity, Optional<String> named) {
        if (named.isEmpty()) {
            return identity;
        }
        if (!identity.scopes().contains(Scope.SERVICE)) {
            throw ApiException.forbidden("only a service token may name a kitchen (X-Recipediff-Kitchen)");
        }
        String kitchen = named.get().strip();
        if (!Identity.isValidKitchen(kitchen)) {
            throw ApiException.forbidden("X-Recipediff-Kitchen is not a valid kitchen name");
        }
        return new Identity(kitchen, EnumSet.of(Scope.SERVICE), identity.tokenId());
    }
}
