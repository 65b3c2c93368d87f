package dev.recipediff.functions.api;

import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.EmulatedTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /tokens} and {@code DELETE /tokens/{id}} (admin scope). */
@ExtendWith(DynaliteExtension.class)
class TokensApiIT {

    private static ApiHandler handler;
    private static TokenService tokens;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        EmulatedTable table = EmulatedTable.create(dynalite, "tokens");
        handler = new ApiHandler(table.config());
        tokens = new TokenService(new TokenRecords(table.table()), Clock.systemUTC());
    }

    private static ApiClient admin(String kitchen) {
        return new ApiClient(handler, kitchen, EnumSet.of(Scope.ADMIN));
    }

    @Test
    void anAdminMintsATokenForItsOwnKitchenShownOnce() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"read\",\"write\"],\"label\":\"laptop\"}");

        assertThat(minted.status()).isEqualTo(201);
        assertThat(minted.json().get("kitchen").asText()).isEqualTo("pantry");
        assertThat(minted.headers()).containsEntry("Cache-Control", "no-store");
        Optional<Identity> identity = tokens.authenticate(minted.json().get("token").asText());
        assertThat(identity).hasValueSatisfying(who -> {
            assertThat(who.kitchen()).isEqualTo("pantry");
            assertThat(who.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
        });
    }

    @Test
    void theServiceScopeCannotBeMintedThroughTheApi() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"service\"]}");

        assertThat(minted.status()).isEqualTo(400);
        assertThat(minted.json().get("details").get(0).get("pointer").asText()).isEqualTo("/scopes/0");
    }

    @Test
    void everyInvalidFieldOfATokenRequestIsReported() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"read\",\"root\"],\"label\":7}");

        assertThat(minted.status()).isEqualTo(400);
        assertThat(minted.json().get("details").findValuesAsText("pointer")).containsExactly("/scopes/1", "/label");
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"read\"]}");
        String tokenId = minted.json().get("tokenId").asText();

        Reply revoked = admin("pantry").send(admin("pantry").request("DELETE", "/tokens/" + tokenId));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(tokens.authenticate(minted.json().get("token").asText())).isEmpty();
    }

    @Test
    void anotherKitchensTokenCannotBeRevoked() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"read\"]}");
        String tokenId = minted.json().get("tokenId").asText();

        Reply revoked = admin("cellar").send(admin("cellar").request("DELETE", "/tokens/" + tokenId));

        assertThat(revoked.status()).isEqualTo(404);
        assertThat(tokens.authenticate(minted.json().get("token").asText())).isPresent();
    }
}
