package dev.recipediff.functions.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primary key of one item of the single table. Every key but a token's starts with the kitchen
 * ({@code K#<kitchen>}), so tenant isolation holds by construction. Numbers are zero-padded so that sort
 * keys order numerically. See docs/architecture.md "Storage" for the access pattern → key table.
 */
public record ItemKey(String pk, String sk) {

    public static final String PK = "pk";
    public static final String SK = "sk";

    public static final String RECIPE_PREFIX = "RECIPE#";
    public static final String VERSION_PREFIX = "V#";
    public static final String MAKE_PREFIX = "M#";
    public static final String PENDING_PREFIX = "P#";

    /** The partition listing a kitchen's recipes ({@code GET /recipes}). */
    public static String kitchenPartition(String kitchen) {
        return "K#" + kitchen;
    }

    /** The partition holding one recipe's versions, makes, pending makes and make counter. */
    public static String recipePartition(String kitchen, long recipeId) {
        return "K#" + kitchen + "#R#" + pad(recipeId);
    }

    /** The listing entry of a recipe (derived data: name and current version). */
    public static ItemKey recipeEntry(String kitchen, long recipeId) {
        return new ItemKey(kitchenPartition(kitchen), RECIPE_PREFIX + pad(recipeId));
    }

    /** The counter that hands out recipe ids to documents without one. */
    public static ItemKey recipeIdCounter(String kitchen) {
        return new ItemKey(kitchenPartition(kitchen), "COUNTER#RECIPE");
    }

    /** One immutable version of a recipe; version 1 existing is what "the recipe exists" means. */
    public static ItemKey version(String kitchen, long recipeId, long version) {
        return new ItemKey(recipePartition(kitchen, recipeId), VERSION_PREFIX + pad(version));
    }

    public static ItemKey make(String kitchen, long recipeId, long makeId) {
        return new ItemKey(recipePartition(kitchen, recipeId), MAKE_PREFIX + pad(makeId));
    }

    public static ItemKey makeIdCounter(String kitchen, long recipeId) {
        return new ItemKey(recipePartition(kitchen, recipeId), "COUNTER#MAKE");
    }

    public static ItemKey pendingMake(String kitchen, long recipeId, String pendingId) {
        return new ItemKey(recipePartition(kitchen, recipeId), PENDING_PREFIX + pendingId);
    }

    public static ItemKey idempotencyRecord(String kitchen, String keyHash) {
        return new ItemKey("K#" + kitchen + "#IDEM#" + keyHash, "IDEM");
    }

    /** The audit trail's entries of a kitchen: one partition, sorted by sequence number. */
    public static final String AUDIT_PREFIX = "E#";

    public static String auditPartition(String kitchen) {
        return "K#" + kitchen + "#AUDIT";
    }

    public static ItemKey auditEntry(String kitchen, long sequence) {
        return new ItemKey(auditPartition(kitchen), AUDIT_PREFIX + pad(sequence));
    }

    /** Tokens are looked up before the kitchen is known: the one key space outside a kitchen. */
    public static ItemKey token(String tokenId) {
        return new ItemKey("TOKEN#" + tokenId, "TOKEN");
    }

    public Map<String, AttributeValue> toMap() {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, AttributeValue.fromS(pk));
        key.put(SK, AttributeValue.fromS(sk));
        return key;
    }

    static String pad(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("negative key number");
        }
        return String.format("%019d", number);
    }

    static long unpad(String sk, String prefix) {
        return Long.parseLong(sk.substring(prefix.length()));
    }
}
