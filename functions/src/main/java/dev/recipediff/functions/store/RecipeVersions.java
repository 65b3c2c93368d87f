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
        String pk = ItemKey.recipePartition(kitchen, recipeId);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(pk),
                        ":prefix", AttributeValue.fromS(ItemKey.VERSION_PREFIX)))
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
