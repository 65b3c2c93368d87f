package dev.recipediff.functions.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerContextTest {

    @Test
    void anAuthenticatedIdentityRoundTripsThroughTheContext() {
        Identity identity = new Identity("bakery", EnumSet.of(Scope.READ, Scope.ADMIN), "0123456789abcdef");

        Map<String, String> context = AuthorizerContext.authenticated(identity);

        assertThat(context).containsEntry("scopes", "admin,read");
        assertThat(AuthorizerContext.read(context)).isEqualTo(new AuthorizerContext.Verdict.Authenticated(identity));
    }

    @Test
    void noContextAtAllIsUnauthenticated() {
        assertThat(AuthorizerContext.read(null)).isInstanceOf(AuthorizerContext.Verdict.Unauthenticated.class);
        assertThat(AuthorizerContext.read(Map.of())).isInstanceOf(AuthorizerContext.Verdict.Unauthenticated.class);
    }

    @Test
    void anAuthenticatedOutcomeWithoutAValidKitchenIsNotTrusted() {
        Map<String, Object> context =
                Map.of("outcome", "authenticated", "kitchen", "K#x", "scopes", "read", "tokenId", "t");

        assertThat(AuthorizerContext.read(context)).isInstanceOf(AuthorizerContext.Verdict.Unauthenticated.class);
    }

    @Test
    void unknownScopesAreIgnored() {
        Map<String, Object> context = Map.of(
                "outcome", "authenticated", "kitchen", "bakery", "scopes", "read, root", "tokenId", "0123456789abcdef");

        assertThat(AuthorizerContext.read(context))
                .isInstanceOfSatisfying(
                        AuthorizerContext.Verdict.Authenticated.class,
                        verdict -> assertThat(verdict.identity().scopes()).containsExactly(Scope.READ));
    }

    @Test
    void aForbiddenOutcomeKeepsItsMessage() {
        assertThat(AuthorizerContext.read(AuthorizerContext.forbidden("no")))
                .isEqualTo(new AuthorizerContext.Verdict.Forbidden("no"));
    }

    @Test
    void theServiceScopeImpliesReadAndWriteButNotAdmin() {
        Identity service = new Identity("bakery", EnumSet.of(Scope.SERVICE), "0123456789abcdef");

        assertThat(service.has(Scope.READ)).isTrue();
        assertThat(service.has(Scope.WRITE)).isTrue();
        assertThat(service.has(Scope.ADMIN)).isFalse();
    }
}
