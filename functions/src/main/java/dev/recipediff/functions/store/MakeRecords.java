package dev.recipediff.functions.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Makes, pending makes and the per-recipe make id counter, all in the recipe's partition. */
public final class MakeRecords {

    private static final int PENDING_PAGE = 100;
    private static final String PENDING_WRITES = "pendingWrites";
    /** The upload's correlation id, kept on the make (and its pending item) for {@code recipediff trace}. */
    private static final String CORRELATION_ID = "correlationId";

    private static final String PENDING_CHECKED = "pendingChecked";

    private final RecipeTable table;

    public MakeRecords(RecipeTable table) {
        this.table = table;
    }

    /**
     * The next make id of a recipe: an atomic {@code ADD} that returns the new value, so concurrent callers
     * get distinct ids. An id handed out and never written is a gap, never a reuse.
     */
    public long nextMakeId(String kitchen, long recipeId) {
        return grantMakeId(kitchen, recipeId).makeId();
    }

    /** {@link #nextMakeId}, with the counter item's pending-make marks and versions read by the same call. */
    public MakeIdGrant grantMakeId(String kitchen, long recipeId) {
        return grant(table.client()
                .updateItem(update -> update.tableName(table.name())
                        .key(ItemKey.makeIdCounter(kitchen, recipeId).toMap())
                        .updateExpression("ADD lastId :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues("ALL_NEW"))
                .attributes());
    }

    /**
     * {@link #grantMakeId} only when the counter item knows the recipe's current version: published by the recipe's
     * writer and no higher version announced ({@link MakeIdGrant#versionIsCurrent}, checked by the same atomic
     * update). Then the version the make is compared with is the one a reader would have found at that instant —
     * a version is written only after it was announced — and the make path needs no query of the versions.
     *
     * @return empty, with no id handed out, when the recipe does not exist, a version is being written (or its
     *         writer crashed between announcing and publishing), or the recipe predates the published version
     */
    public Optional<MakeIdGrant> grantAtCurrentVersion(String kitchen, long recipeId) {
        try {
            return Optional.of(grant(table.client()
                    .updateItem(update -> update.tableName(table.name())
                            .key(ItemKey.makeIdCounter(kitchen, recipeId).toMap())
                            .updateExpression("ADD lastId :one")
                            // both named as existing: a comparison with an absent attribute is false on DynamoDB,
                            // but dynalite 4 finds two absent attributes "equal"
                            .conditionExpression(
                                    "attribute_exists(" + RecipeVersions.CURRENT + ") AND attribute_exists("
                                            + RecipeVersions.ANNOUNCED + ") AND " + RecipeVersions.CURRENT + " >= "
                                            + RecipeVersions.ANNOUNCED)
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                            .returnValues("ALL_NEW"))
                    .attributes()));
        } catch (ConditionalCheckFailedException versionUnknownHere) {
            return Optional.empty();
        }
    }

    private static MakeIdGrant grant(Map<String, AttributeValue> counter) {
        return new MakeIdGrant(
                Long.parseLong(counter.get("lastId").n()),
                number(counter, PENDING_WRITES),
                number(counter, PENDING_CHECKED),
                number(counter, RecipeVersions.CURRENT),
                number(counter, RecipeVersions.ANNOUNCED));
    }

    /**
     * Notes on the recipe's counter item that a pending make is being written, so that the make path knows to
     * look for pending makes. Call it before writing the pending make.
     */
    public void notePending(String kitchen, long recipeId) {
        table.client().updateItem(update -> update.tableName(table.name())
                .key(ItemKey.makeIdCounter(kitchen, recipeId).toMap())
                .updateExpression("ADD " + PENDING_WRITES + " :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    /**
     * Records that every pending make noted up to {@code pendingWrites} (as read before a full resolution) has
     * been resolved. Never moves the mark back; notes made meanwhile stay above it.
     */
    public void pendingChecked(String kitchen, long recipeId, long pendingWrites) {
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(ItemKey.makeIdCounter(kitchen, recipeId).toMap())
                    .updateExpression("SET " + PENDING_CHECKED + " = :marks")
                    .conditionExpression(
                            "attribute_not_exists(" + PENDING_CHECKED + ") OR " + PENDING_CHECKED + " < :marks")
                    .expressionAttributeValues(Map.of(":marks", AttributeValue.fromN(Long.toString(pendingWrites)))));
        } catch (ConditionalCheckFailedException checkedFurtherAlready) {
            // a later resolution covered more
        }
    }

    /**
     * Writes a make unless its id is taken; the first write of an id wins. When the id holds a make written
     * with the same write token (this attempt's own earlier write, or a concurrent retry of the same request
     * that won), that stored make is the result, so every attempt answers with what is stored.
     *
     * @return the make stored under the id for this write token; empty when another writer holds the id
     *         (cannot happen with ids from {@link #nextMakeId})
     */
    public Optional<StoredMake> put(String kitchen, StoredMake make, String writeToken) {
        Map<String, AttributeValue> item = new HashMap<>(
                ItemKey.make(kitchen, make.recipeId(), make.makeId()).toMap());
        item.put("version", AttributeValue.fromN(Long.toString(make.version())));
        item.put("exact", AttributeValue.fromBool(make.exact()));
        item.put("document", AttributeValue.fromS(make.document()));
        item.put("differences", AttributeValue.fromS(make.differences()));
        item.put("receivedAt", AttributeValue.fromS(make.receivedAt().toString()));
        item.put("writeToken", AttributeValue.fromS(writeToken));
        if (make.correlationId() != null) {
            item.put(CORRELATION_ID, AttributeValue.fromS(make.correlationId()));
        }
        try {
            table.client()
                    .putItem(put ->
                            put.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
            return Optional.of(make);
        } catch (ConditionalCheckFailedException taken) {
            GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                    .key(ItemKey.make(kitchen, make.recipeId(), make.makeId()).toMap())
                    .consistentRead(true));
            Map<String, AttributeValue> stored = response.hasItem() ? response.item() : Map.of();
            AttributeValue storedToken = stored.get("writeToken");
            return storedToken != null && writeToken.equals(storedToken.s())
                    ? Optional.of(toMake(make.recipeId(), stored))
                    : Optional.empty();
        }
    }

    public Optional<StoredMake> find(String kitchen, long recipeId, long makeId) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(ItemKey.make(kitchen, recipeId, makeId).toMap())
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(toMake(recipeId, response.item()))
                : Optional.empty();
    }

    /** Makes, newest first. */
    public Page<StoredMake> list(String kitchen, long recipeId, int limit, Optional<String> after) {
        QueryResponse response = table.client()
                .query(RecipeVersions.prefixQuery(
                        table, ItemKey.recipePartition(kitchen, recipeId), ItemKey.MAKE_PREFIX, limit, after, false));
        return new Page<>(
                response.items().stream().map(item -> toMake(recipeId, item)).toList(), RecipeVersions.next(response));
    }

    /** Makes with an id above {@code afterMakeId}, oldest first (what the stats view has not folded in yet). */
    public List<StoredMake> since(String kitchen, long recipeId, long afterMakeId, int limit) {
        String pk = ItemKey.recipePartition(kitchen, recipeId);
        QueryResponse response = table.client().query(query -> query.tableName(table.name())
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(pk),
                        ":from",
                                AttributeValue.fromS(ItemKey.make(kitchen, recipeId, afterMakeId + 1)
                                        .sk()),
                        ":to",
                                AttributeValue.fromS(ItemKey.make(kitchen, recipeId, Long.MAX_VALUE)
                                        .sk())))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(limit));
        return response.items().stream().map(item -> toMake(recipeId, item)).toList();
    }

    /**
     * Stores a pending make unless it exists (a retry of the same request, possibly already resolved: resolved
     * pending makes stay as small tombstones with their make id, so that a retry can never record twice).
     */
    public void putPending(String kitchen, PendingMake pending) {
        Map<String, AttributeValue> item =
                new HashMap<>(ItemKey.pendingMake(kitchen, pending.recipeId(), pending.pendingId())
                        .toMap());
        item.put("document", AttributeValue.fromS(pending.document()));
        item.put("receivedAt", AttributeValue.fromS(pending.receivedAt().toString()));
        if (pending.correlationId() != null) {
            item.put(CORRELATION_ID, AttributeValue.fromS(pending.correlationId()));
        }
        try {
            table.client()
                    .putItem(put ->
                            put.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // this request's own earlier attempt: keep what is there
        }
    }

    /** One pending make (unresolved, assigned or resolved). */
    public Optional<PendingMake> findPending(String kitchen, long recipeId, String pendingId) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(ItemKey.pendingMake(kitchen, recipeId, pendingId).toMap())
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(toPending(recipeId, response.item()))
                : Optional.empty();
    }

    /** Every unresolved pending make of a recipe, oldest first, read consistently. */
    public List<PendingMake> pending(String kitchen, long recipeId) {
        String pk = ItemKey.recipePartition(kitchen, recipeId);
        List<PendingMake> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table.name())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .filterExpression("attribute_not_exists(resolved)")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(pk),
                            ":prefix", AttributeValue.fromS(ItemKey.PENDING_PREFIX)))
                    .consistentRead(true)
                    .limit(PENDING_PAGE);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = table.client().query(query.build());
            response.items().forEach(item -> found.add(toPending(recipeId, item)));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        found.sort(java.util.Comparator.comparing(PendingMake::receivedAt));
        return found;
    }

    /**
     * Pins a make id and version on a pending make unless one is pinned already.
     *
     * @return the pending make with the pinned (possibly earlier) assignment, or empty when it is gone
     */
    public Optional<PendingMake> assign(String kitchen, PendingMake pending, long makeId, long version) {
        ItemKey key = ItemKey.pendingMake(kitchen, pending.recipeId(), pending.pendingId());
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(key.toMap())
                    .updateExpression("SET makeId = :makeId, version = :version")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(makeId)")
                    .expressionAttributeValues(Map.of(
                            ":makeId", AttributeValue.fromN(Long.toString(makeId)),
                            ":version", AttributeValue.fromN(Long.toString(version)))));
            return Optional.of(new PendingMake(
                    pending.recipeId(),
                    pending.pendingId(),
                    pending.document(),
                    pending.receivedAt(),
                    Optional.of(makeId),
                    Optional.of(version),
                    pending.correlationId()));
        } catch (ConditionalCheckFailedException assignedOrGone) {
            GetItemResponse response = table.client()
                    .getItem(get -> get.tableName(table.name()).key(key.toMap()).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(toPending(pending.recipeId(), response.item()))
                    : Optional.empty();
        }
    }

    /** Marks a pending make recorded: keeps a tombstone with its make id, drops the document. */
    public void markResolved(String kitchen, long recipeId, String pendingId) {
        table.client().updateItem(update -> update.tableName(table.name())
                .key(ItemKey.pendingMake(kitchen, recipeId, pendingId).toMap())
                .updateExpression("SET resolved = :true REMOVE document")
                .conditionExpression("attribute_exists(makeId)")
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static StoredMake toMake(long recipeId, Map<String, AttributeValue> item) {
        return new StoredMake(
                recipeId,
                ItemKey.unpad(item.get(ItemKey.SK).s(), ItemKey.MAKE_PREFIX),
                Long.parseLong(item.get("version").n()),
                item.get("exact").bool(),
                item.get("document").s(),
                item.get("differences").s(),
                Instant.parse(item.get("receivedAt").s()),
                Optional.ofNullable(item.get(CORRELATION_ID))
                        .map(AttributeValue::s)
                        .orElse(null));
    }

    private static PendingMake toPending(long recipeId, Map<String, AttributeValue> item) {
        return new PendingMake(
                recipeId,
                item.get(ItemKey.SK).s().substring(ItemKey.PENDING_PREFIX.length()),
                Optional.ofNullable(item.get("document")).map(AttributeValue::s).orElse(""),
                Instant.parse(item.get("receivedAt").s()),
                Optional.ofNullable(item.get("makeId")).map(value -> Long.parseLong(value.n())),
                Optional.ofNullable(item.get("version")).map(value -> Long.parseLong(value.n())),
                Optional.ofNullable(item.get(CORRELATION_ID))
                        .map(AttributeValue::s)
                        .orElse(null));
    }
}
