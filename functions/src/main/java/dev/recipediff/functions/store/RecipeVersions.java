package dev.recipediff.functions.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Recipe versions (the source of truth: a recipe exists when its version 1 exists; its current version is
 * its highest), the derived listing entries, and the per-kitchen recipe id counter.
 */
public final class RecipeVersions {

    /**
     * On the recipe's make counter item ({@code COUNTER#MAKE}, see {@link MakeRecords}): the highest version whose
     * item is written, set after writing it ({@link #publish}).
     */
    static final String CURRENT = "currentVersion";

    /** On the same item: the highest version a writer is about to write, set before writing it ({@link #announce}). */
    static final String ANNOUNCED = "announcedVersion";

    private final RecipeTable table;

    public RecipeVersions(RecipeTable table) {
        this.table = table;
    }

    /** The outcome of writing a version number. */
    public enum Write {
        WRITTEN,
        TAKEN
    }

    /**
     * Writes version {@code version} unless it exists. A version that exists with the same write token is
     * this attempt's own earlier write (a retry) and counts as written.
     */
    public Write put(String kitchen, StoredVersion version, String recipeName, String writeToken) {
        Map<String, AttributeValue> item = new HashMap<>(
                ItemKey.version(kitchen, version.recipeId(), version.version()).toMap());
        item.put("document", AttributeValue.fromS(version.document()));
        item.put("recipeName", AttributeValue.fromS(recipeName == null ? "" : recipeName));
        item.put("createdAt", AttributeValue.fromS(version.createdAt().toString()));
        item.put("writeToken", AttributeValue.fromS(writeToken));
        version.promotedFrom().ifPresent(lineage -> {
            item.put("promotedFromMake", AttributeValue.fromN(Long.toString(lineage.makeId())));
            item.put("promotedFromVersion", AttributeValue.fromN(Long.toString(lineage.version())));
        });
        version.suggestedFrom().ifPresent(suggested -> {
            item.put("suggestedFromVersion", AttributeValue.fromN(Long.toString(suggested.version())));
            item.put("suggestedFromMakeCount", AttributeValue.fromN(Long.toString(suggested.makeCount())));
            item.put("suggestedFromMakes", AttributeValue.fromS(suggested.makes()));
        });
        try {
            table.client().putItem(put -> put.tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR writeToken = :token")
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(writeToken))));
            return Write.WRITTEN;
        } catch (ConditionalCheckFailedException taken) {
            return Write.TAKEN;
        }
    }

    /**
     * Announces on the recipe's make counter that version {@code version} is about to be written: call it before
     * {@link #put}. Never moves the mark back. While a version is announced and not yet {@linkplain #publish
     * published}, the make path reads the current version from the versions themselves instead of the counter.
     */
    public void announce(String kitchen, long recipeId, long version) {
        // usually what creates the counter item: with lastId 0, so that a counter item always has one (readers such
        // as the pipeline bench's completion tracker read it as "makes handed out")
        raise(kitchen, recipeId, ANNOUNCED, version, true);
    }

    /**
     * Publishes on the recipe's make counter that version {@code version} is written: call it after {@link #put}
     * succeeded. Never moves the mark back, so repeating it, or publishing out of order, converges on the highest.
     */
    public void publish(String kitchen, long recipeId, long version) {
        raise(kitchen, recipeId, CURRENT, version, false);
    }

    /**
     * Records on the make counter a current version found by querying the versions (a recipe written before the
     * counter carried its version, or a writer that crashed after writing and before publishing): published and
     * announced at once, only if no higher version is announced — a version being written would then be missed.
     */
    public void adoptCurrent(String kitchen, long recipeId, long version) {
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(ItemKey.makeIdCounter(kitchen, recipeId).toMap())
                    .updateExpression("SET " + CURRENT + " = :v, " + ANNOUNCED + " = :v")
                    .conditionExpression("(attribute_not_exists(" + ANNOUNCED + ") OR " + ANNOUNCED + " <= :v) AND "
                            + "(attribute_not_exists(" + CURRENT + ") OR " + CURRENT + " < :v)")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))));
        } catch (ConditionalCheckFailedException announcedHigherOrKnown) {
            // a writer announced a higher version meanwhile (the next make queries again), or it is known already
        }
    }

    private void raise(String kitchen, long recipeId, String attribute, long version, boolean mayCreateCounter) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", AttributeValue.fromN(Long.toString(version)));
        String expression = "SET " + attribute + " = :v";
        if (mayCreateCounter) {
            expression += ", lastId = if_not_exists(lastId, :zero)";
            values.put(":zero", AttributeValue.fromN("0"));
        }
        String set = expression;
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(ItemKey.makeIdCounter(kitchen, recipeId).toMap())
                    .updateExpression(set)
                    .conditionExpression("attribute_not_exists(" + attribute + ") OR " + attribute + " < :v")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException higherAlready) {
            // a higher version was announced or published first
        }
    }

    public boolean exists(String kitchen, long recipeId) {
        return version(kitchen, recipeId, 1).isPresent();
    }

    public Optional<StoredVersion> version(String kitchen, long recipeId, long version) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(ItemKey.version(kitchen, recipeId, version).toMap())
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(toVersion(recipeId, response.item()))
                : Optional.empty();
    }

    /** The current (highest) version, read consistently. */
    public Optional<StoredVersion> latest(String kitchen, long recipeId) {
        QueryResponse response = table.client().query(versionsQuery(kitchen, recipeId, 1, Optional.empty(), false));
        return response.items().stream().findFirst().map(item -> toVersion(recipeId, item));
    }

    /** Versions, oldest first. */
    public Page<StoredVersion> versions(String kitchen, long recipeId, int limit, Optional<String> after) {
        QueryResponse response = table.client().query(versionsQuery(kitchen, recipeId, limit, after, true));
        return new Page<>(
                response.items().stream().map(item -> toVersion(recipeId, item)).toList(), next(response));
    }

    /** Rewrites the listing entry; never moves it back to an older version (idempotent, order-insensitive). */
    public void putEntry(String kitchen, long recipeId, String recipeName, long currentVersion, Instant updatedAt) {
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(ItemKey.recipeEntry(kitchen, recipeId).toMap())
                    .updateExpression("SET recipeName = :name, currentVersion = :version, updatedAt = :at")
                    .conditionExpression("attribute_not_exists(currentVersion) OR currentVersion <= :version")
                    .expressionAttributeValues(Map.of(
                            ":name", AttributeValue.fromS(recipeName == null ? "" : recipeName),
                            ":version", AttributeValue.fromN(Long.toString(currentVersion)),
                            ":at", AttributeValue.fromS(updatedAt.toString()))));
        } catch (ConditionalCheckFailedException newerAlreadyListed) {
            // a newer version wrote the entry first
        }
    }

    public Page<RecipeEntry> entries(String kitchen, int limit, Optional<String> after) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(ItemKey.kitchenPartition(kitchen)),
                        ":prefix", AttributeValue.fromS(ItemKey.RECIPE_PREFIX)))
                .consistentRead(true)
                .limit(limit);
        after.ifPresent(sk -> query.exclusiveStartKey(new ItemKey(ItemKey.kitchenPartition(kitchen), sk).toMap()));
        QueryResponse response = table.client().query(query.build());
        return new Page<>(
                response.items().stream()
                        .map(item -> new RecipeEntry(
                                ItemKey.unpad(item.get(ItemKey.SK).s(), ItemKey.RECIPE_PREFIX),
                                item.get("recipeName").s(),
                                Long.parseLong(item.get("currentVersion").n()),
                                Instant.parse(item.get("updatedAt").s())))
                        .toList(),
                next(response));
    }

    /** The next recipe id for a document that carries none: above every id the counter has seen. */
    public long nextRecipeId(String kitchen) {
        return Long.parseLong(table.client()
                .updateItem(update -> update.tableName(table.name())
                        .key(ItemKey.recipeIdCounter(kitchen).toMap())
                        .updateExpression("ADD lastId :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues("UPDATED_NEW"))
                .attributes()
                .get("lastId")
                .n());
    }

    /** Records that {@code recipeId} is used, so that assigned ids stay above it. */
    public void raiseRecipeIdFloor(String kitchen, long recipeId) {
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(ItemKey.recipeIdCounter(kitchen).toMap())
                    .updateExpression("SET lastId = :id")
                    .conditionExpression("attribute_not_exists(lastId) OR lastId < :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromN(Long.toString(recipeId)))));
        } catch (ConditionalCheckFailedException alreadyHigher) {
            // nothing to do
        }
    }

    private QueryRequest versionsQuery(
            String kitchen, long recipeId, int limit, Optional<String> after, boolean forward) {
        return prefixQuery(
                table, ItemKey.recipePartition(kitchen, recipeId), ItemKey.VERSION_PREFIX, limit, after, forward);
    }

    /**
     * A consistent query of the items of partition {@code pk} whose sort key starts with {@code prefix}, at most
     * {@code limit}, after the sort key {@code after} (a page cursor), in sort-key order or reversed.
     */
    static QueryRequest prefixQuery(
            RecipeTable table, String pk, String prefix, int limit, Optional<String> after, boolean forward) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix)))
                .scanIndexForward(forward)
                .consistentRead(true)
                .limit(limit);
        after.ifPresent(sk -> query.exclusiveStartKey(new ItemKey(pk, sk).toMap()));
        return query.build();
    }

    static Optional<String> next(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get(ItemKey.SK).s())
                : Optional.empty();
    }

    private static StoredVersion toVersion(long recipeId, Map<String, AttributeValue> item) {
        Optional<StoredVersion.Lineage> lineage = Optional.ofNullable(item.get("promotedFromMake"))
                .map(make -> new StoredVersion.Lineage(
                        Long.parseLong(make.n()),
                        Long.parseLong(item.get("promotedFromVersion").n())));
        Optional<StoredVersion.Suggested> suggested = Optional.ofNullable(item.get("suggestedFromVersion"))
                .map(version -> new StoredVersion.Suggested(
                        Long.parseLong(version.n()),
                        Long.parseLong(item.get("suggestedFromMakeCount").n()),
                        item.get("suggestedFromMakes").s()));
        return new StoredVersion(
                recipeId,
                ItemKey.unpad(item.get(ItemKey.SK).s(), ItemKey.VERSION_PREFIX),
                item.get("document").s(),
                Instant.parse(item.get("createdAt").s()),
                lineage,
                suggested);
    }
}
