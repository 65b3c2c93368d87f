package dev.recipediff.functions.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.store.TokenRecord;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.EmulatedTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Minting and storing tokens (the bootstrap path serve and the CLI use). */
@ExtendWith(DynaliteExtension.class)
class TokenServiceIT {

    private static TokenRecords records;
    private static TokenService tokens;

    @BeforeAll
    static void tokens(DynaliteProcess dynalite) {
        records = new TokenRecords(EmulatedTable.create(dynalite, "tokens").table());
        tokens = new TokenService(records, Clock.systemUTC());
    }

    @Test
    void aTokenCarriesA256BitRandomSecretAndIsStoredOnlyAsItsHash() {
        MintedToken minted = tokens.mint("bakery", EnumSet.of(Scope.ADMIN), "first admin");

        String secret = minted.token().substring(minted.token().lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        TokenRecord stored = records.find(minted.tokenId()).orElseThrow();
        assertThat(stored.secretHash()).hasSize(32).isNotEqualTo(secret.getBytes(StandardCharsets.US_ASCII));
        assertThat(stored.kitchen()).isEqualTo("bakery");
        assertThat(stored.scopes()).containsExactly("admin");
    }

    @Test
    void twoTokensNeverShareIdOrSecret() {
        MintedToken one = tokens.mint("bakery", EnumSet.of(Scope.READ), "");
        MintedToken two = tokens.mint("bakery", EnumSet.of(Scope.READ), "");

        assertThat(one.tokenId()).isNotEqualTo(two.tokenId());
        assertThat(one.token()).isNotEqualTo(two.token());
    }

    @Test
    void theTokenIsNeverPartOfItsStringForm() {
        MintedToken minted = tokens.mint("bakery", EnumSet.of(Scope.READ), "laptop");

        assertThat(minted.toString()).doesNotContain(minted.token()).contains(minted.tokenId());
    }

    @Test
    void aKitchenNameMustBeSafeAsAKeyPrefix() {
        for (String bad : new String[] {"", "Bakery", "a#b", "-x", "x".repeat(64)}) {
            assertThatThrownBy(() -> tokens.mint(bad, EnumSet.of(Scope.READ), ""))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTokenNeedsAScope() {
        assertThatThrownBy(() -> tokens.mint("bakery", Set.of(), "")).isInstanceOf(IllegalArgumentException.class);
    }
}
