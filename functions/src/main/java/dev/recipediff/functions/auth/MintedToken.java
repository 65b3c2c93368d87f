package dev.recipediff.functions.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A freshly minted token. {@link #token()} is the only time the secret exists outside the caller's hands:
 * show it once, never log it ({@link #toString()} leaves it out).
 */
public record MintedToken(
        String tokenId, String token, String kitchen, Set<Scope> scopes, String label, Instant createdAt) {
    public MintedToken {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "MintedToken[tokenId=" + tokenId + ", kitchen=" + kitchen + ", scopes=" + scopes + ", label=" + label
                + "]";
    }
}
