package dev.recipediff.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.MintedToken;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.EmulatedTable;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Lambda authorizer, fed with a real HTTP API authorizer event (payload 2.0), against dynalite. */
@ExtendWith(DynaliteExtension.class)
class AuthorizerHandlerIT {

    private static AuthorizerHandler authorizer;
    private static TokenService tokens;

    @BeforeAll
    static void authorizer(DynaliteProcess dynalite) {
        EmulatedTable table = EmulatedTable.create(dynalite, "authorizer");
        authorizer = new AuthorizerHandler(table.config());
        tokens = new TokenService(new TokenRecords(table.table()), Clock.systemUTC());
    }

    private static Map<String, String> authorize(Map<String, String> headerChanges) {
        APIGatewayV2CustomAuthorizerEvent event =
                EventLoader.loadAPIGatewayV2CustomAuthorizerEvent("events/authorizer-request.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headerChanges.forEach((name, value) -> {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        });
        event.setHeaders(headers);
        SimpleIAMPolicyResponse response = authorizer.handleRequest(event, null);
        assertThat(response.getIsAuthorized())
                .as("every verdict is passed on to the API")
                .isTrue();
        return response.getContext();
    }

    @Test
    void aValidTokenPutsKitchenScopesAndTokenIdIntoTheContext() {
        MintedToken token = tokens.mint("bakery", EnumSet.of(Scope.READ, Scope.WRITE), "test");

        Map<String, String> context = authorize(Map.of("authorization", "Bearer " + token.token()));

        assertThat(context)
                .containsEntry("outcome", "authenticated")
                .containsEntry("kitchen", "bakery")
                .containsEntry("scopes", "read,write")
                .containsEntry("tokenId", token.tokenId());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        MintedToken token = tokens.mint("bakery", EnumSet.of(Scope.READ), "test");

        assertThat(authorize(Map.of("authorization", "bearer " + token.token())))
                .containsEntry("outcome", "authenticated");
    }

    @Test
    void anUnknownTokenIsUnauthenticated() {
        Map<String, String> context = authorize(
                Map.of("authorization", "Bearer rdt.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(context).containsEntry("outcome", "unauthenticated").doesNotContainKey("kitchen");
        assertThat(context.get("message")).contains("unknown");
    }

    @Test
    void aKnownIdWithTheWrongSecretIsUnauthenticated() {
        MintedToken token = tokens.mint("bakery", EnumSet.of(Scope.READ), "test");
        String forged = token.token().substring(0, token.token().length() - 4) + "AAAA";

        assertThat(authorize(Map.of("authorization", "Bearer " + forged))).containsEntry("outcome", "unauthenticated");
    }

    @Test
    void malformedHeadersAreUnauthenticatedAndNeverEchoed() {
        for (String secret : new String[] {"dXNlcjpwYXNz", "not-a-token", "rdt.x.y", "rdt..."}) {
            for (String header : new String[] {"Basic " + secret, "Bearer " + secret, secret}) {
                Map<String, String> context = authorize(Map.of("authorization", header));

                assertThat(context).as(header).containsEntry("outcome", "unauthenticated");
                assertThat(context.get("message")).as(header).doesNotContain(secret);
            }
        }
        assertThat(authorize(Map.of("authorization", "Bearer"))).containsEntry("outcome", "unauthenticated");
    }

    @Test
    void aMissingAuthorizationHeaderIsUnauthenticated() {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", null);

        assertThat(authorize(headers)).containsEntry("outcome", "unauthenticated");
    }

    @Test
    void aRevokedTokenIsUnauthenticated() {
        MintedToken token = tokens.mint("bakery", EnumSet.of(Scope.READ), "test");
        tokens.revoke("bakery", token.tokenId());

        assertThat(authorize(Map.of("authorization", "Bearer " + token.token())))
                .containsEntry("outcome", "unauthenticated");
    }

    @Test
    void aServiceTokensVerdictDependsOnTheTokenAloneSoItCanBeCached() {
        MintedToken service = tokens.mintServiceToken("default", "sender");

        Map<String, String> plain = authorize(Map.of("authorization", "Bearer " + service.token()));
        Map<String, String> naming =
                authorize(Map.of("authorization", "Bearer " + service.token(), "x-recipediff-kitchen", "bakery"));

        assertThat(naming)
                .isEqualTo(plain)
                .containsEntry("outcome", "authenticated")
                .containsEntry("scopes", "service");
    }
}
