package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.ApiEvents;
import dev.recipediff.functions.testing.EmulatedTable;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /tokens} and {@code DELETE /tokens/{id}} (admin scope). */
@ExtendWith(DynaliteExtension.class)
class TokensApiIT {

    private static ApiHandler handler;
    private static TokenService tokens;
    private static EmulatedTable table;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "tokens");
        handler = new ApiHandler(table.config());
        tokens = new TokenService(new TokenRecords(table.table()), Clock.systemUTC());
    }

    private static ApiClient admin(String kitchen) {
        return new ApiClient(handler, kitchen, EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN));
    }

    @Test
    void anAdminMintsATokenForItsOwnKitchenShownOnce() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"read\",\"write\"],\"label\":\"laptop\"}");

        assertThat(minted.status()).isEqualTo(201);
        assertThat(minted.json().get("kitchen").asText()).isEqualTo("pantry");
        assertThat(minted.headers()).containsEntry("Cache-Control", "no-store");
        Optional<Identity> identity =
                tokens.authenticate(minted.json().get("token").asText());
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

    @Test
    void aReplayedMintAnswersTheTokenIdWithoutTheSecret() {
        ApiEvents mint = admin("pantry")
                .request("POST", "/tokens")
                .header("content-type", "application/json")
                .idempotencyKey("mint-once")
                .body("{\"scopes\":[\"read\"],\"label\":\"tablet\"}");
        Reply first = admin("pantry").send(mint);

        Reply replay = new ApiClient(handler, "pantry", EnumSet.of(Scope.ADMIN)).send(mint);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.headers())
                .containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Cache-Control", "no-store");
        assertThat(replay.json().get("tokenId").asText())
                .isEqualTo(first.json().get("tokenId").asText());
        assertThat(replay.json().has("token")).isFalse();
        assertThat(replay.json().get("note").asText()).contains("shown once");
        assertThat(replay.text()).doesNotContain(secretOf(first));
    }

    @Test
    void noItemOfTheTableHoldsAMintedSecret() {
        Reply minted = admin("pantry")
                .send(admin("pantry")
                        .request("POST", "/tokens")
                        .header("content-type", "application/json")
                        .idempotencyKey("mint-and-look")
                        .body("{\"scopes\":[\"read\"]}"));

        String everything = everyItemAsText();

        assertThat(minted.status()).isEqualTo(201);
        assertThat(everything).contains(minted.json().get("tokenId").asText()).doesNotContain(secretOf(minted));
    }

    @Test
    void anAdminOnlyTokenCannotGrantScopesItDoesNotHold() {
        ApiClient adminOnly = new ApiClient(handler, "pantry", EnumSet.of(Scope.ADMIN));

        Reply minted = adminOnly.post("/tokens", "{\"scopes\":[\"admin\",\"read\",\"write\"]}");

        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.json().get("error").asText()).isEqualTo("scope_not_held");
        assertThat(minted.json().get("details").findValuesAsText("pointer")).containsExactly("/scopes/1", "/scopes/2");
    }

    @Test
    void aTokenGrantsTheScopesItHolds() {
        Reply minted = admin("pantry").post("/tokens", "{\"scopes\":[\"read\",\"write\",\"admin\"]}");

        assertThat(minted.status()).isEqualTo(201);
    }

    @Test
    void everyAnswerAboutKitchenDataIsNotStored() {
        Reply recipes = new ApiClient(handler, "pantry", EnumSet.of(Scope.READ)).get("/recipes");
        Reply missing = new ApiClient(handler, "pantry", EnumSet.of(Scope.READ)).get("/recipes/999999");

        assertThat(recipes.headers()).containsEntry("Cache-Control", "no-store");
        assertThat(missing.headers()).containsEntry("Cache-Control", "no-store");
    }

    private static String secretOf(Reply minted) {
        String token = minted.json().get("token").asText();
        return token.substring(token.lastIndexOf('.') + 1);
    }

    /** Every attribute of every item, binary ones gunzipped when they are gzip. */
    private static String everyItemAsText() {
        StringBuilder text = new StringBuilder();
        table.table()
                .client()
                .scanPaginator(scan -> scan.tableName(table.table().name()))
                .items()
                .forEach(item -> item.values().forEach(value -> text.append(
                                value.b() == null
                                        ? value.toString()
                                        : gunzipped(value.b().asByteArray()))
                        .append('\n')));
        return text.toString();
    }

    private static String gunzipped(byte[] bytes) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException notGzip) {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aBodyThatIsNotUtf8Is400InvalidJsonWithTheByteOffset() {
        byte[] latin1 = "{\"label\":\"caf\u00e9\",\"scopes\":[\"read\"]}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        Reply minted = admin("pantry")
                .send(admin("pantry")
                        .request("POST", "/tokens")
                        .header("content-type", "application/json")
                        .bodyBytes(latin1));

        assertThat(minted.status()).isEqualTo(400);
        assertThat(minted.json().get("error").asText()).isEqualTo("invalid_json");
        assertThat(minted.json().get("details").get(0).get("problem").asText()).contains("byte offset 13");
    }
}
