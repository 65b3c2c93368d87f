package dev.recipediff.functions.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One record of the audit trail: who (token id, never a secret), what (method, route template, recipe and make
 * ids, status), when, from where (source IP) and the request id; chained to the previous entry of the kitchen by
 * {@code previousHash}, and sealed by {@code hash} = SHA-256 over all of it.
 *
 * @param sequence 1, 2, 3 … per kitchen, without gaps
 */
public record AuditEntry(
        String kitchen,
        long sequence,
        Instant at,
        String tokenId,
        String method,
        String route,
        String recipeId,
        String makeId,
        int status,
        String sourceIp,
        String requestId,
        String previousHash,
        String hash) {

    /** The hash of the entry before the first. */
    public static final String GENESIS = "0".repeat(64);

    /** What is recorded about one request, before it is chained. */
    public record Facts(
            String tokenId,
            String method,
            String route,
            String recipeId,
            String makeId,
            int status,
            String sourceIp,
            String requestId) {}

    static AuditEntry seal(String kitchen, long sequence, Instant at, Facts facts, String previousHash) {
        return new AuditEntry(
                kitchen,
                sequence,
                at,
                facts.tokenId(),
                facts.method(),
                facts.route(),
                facts.recipeId(),
                facts.makeId(),
                facts.status(),
                facts.sourceIp(),
                facts.requestId(),
                previousHash,
                hash(kitchen, sequence, at, facts, previousHash));
    }

    /** What this entry records about its request. */
    Facts facts() {
        return new Facts(tokenId, method, route, recipeId, makeId, status, sourceIp, requestId);
    }

    /** SHA-256 (hex) over every field but the hash, each length-prefixed so that no two entries share an input. */
    public String computeHash() {
        return hash(kitchen, sequence, at, facts(), previousHash);
    }

    private static String hash(String kitchen, long sequence, Instant at, Facts facts, String previousHash) {
        StringBuilder input = new StringBuilder("recipediff-audit-v1;");
        for (String field : List.of(
                kitchen,
                Long.toString(sequence),
                Long.toString(at.toEpochMilli()),
                facts.tokenId(),
                facts.method(),
                facts.route(),
                facts.recipeId(),
                facts.makeId(),
                Integer.toString(facts.status()),
                facts.sourceIp(),
                facts.requestId(),
                previousHash)) {
            input.append(field.length()).append(':').append(field).append(';');
        }
        return Sha256.hex(input.toString().getBytes(StandardCharsets.UTF_8));
    }
}
