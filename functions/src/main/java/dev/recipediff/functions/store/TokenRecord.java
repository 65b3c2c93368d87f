package dev.recipediff.functions.store;

import java.time.Instant;
import java.util.Set;

/**
 * A stored token: never the token itself, only the SHA-256 hash of its secret part.
 *
 * @param tokenId    the public id (also the first part of the token)
 * @param kitchen    the kitchen it belongs to
 * @param scopes     scope wire names ({@code read}, {@code write}, {@code admin}, {@code service})
 * @param secretHash SHA-256 of the secret part
 * @param label      what the minter called it
 * @param createdAt  when it was minted
 */
public record TokenRecord(
        String tokenId, String kitchen, Set<String> scopes, byte[] secretHash, String label, Instant createdAt) {
    public TokenRecord {
        scopes = Set.copyOf(scopes);
        secretHash = secretHash.clone();
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }
}
