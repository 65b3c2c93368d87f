package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.RecipeTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The insights accumulators: one item per recipe version in the kitchen's partition
 * ({@code pk = K#<kitchen>}, {@code sk = INSIGHTS#<recipeId>#<version>}, both zero-padded) holding the
 * {@link InsightsState} as gzipped JSON ({@code state}), the ids of every make the refresher has looked at, of
 * any version ({@code seen}, JSON ranges: what tells it whether makes were missed) and a revision ({@code rev})
 * for optimistic concurrency. The state is bounded ({@link InsightsState#MAX_KEYS} keys, bounded sketches), so
 * the item is too.
 */
public final class InsightsTable {

    static final String PREFIX = "INSIGHTS#";

    private final RecipeTable table;
    private final ObjectMapper mapper = RecipeJson.mapper();

    public InsightsTable(RecipeTable table) {
        this.table = table;
    }

    /** A stored accumulator with what the refresher needs to write it back. */
    public record Stored(InsightsState state, MakeIdSet seen, long revision) {
    }

    static ItemKey key(String kitchen, long recipeId, long version) {
        return new ItemKey(ItemKey.kitchenPartition(kitchen),
                PREFIX + String.format("%019d#%010d", recipeId, version));
    }

    public Optional<Stored> find(String kitchen, long recipeId, long version) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(key(kitchen, recipeId, version).toMap()).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Stored(read(RecipeStatsTable.text(item.get("state")), InsightsState.class),
                read(item.get("seen").s(), MakeIdSet.class), Long.parseLong(item.get("rev").n())));
    }

    /**
     * Stores {@code state} and {@code seen} if the stored revision is still {@code expectedRevision} (0: no item).
     *
     * @return false when another writer stored a newer revision first
     */
    public boolean store(String kitchen, long expectedRevision, InsightsState state, MakeIdSet seen) {
        Map<String, AttributeValue> item = new HashMap<>(key(kitchen, state.recipeId(), state.version()).toMap());
        item.put("state", RecipeStatsTable.compressed(write(state)));
        item.put("seen", AttributeValue.fromS(write(seen)));
        item.put("rev", AttributeValue.fromN(Long.toString(expectedRevision + 1)));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table.name()).item(item);
        if (expectedRevision == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("rev = :rev")
                    .expressionAttributeValues(Map.of(":rev", AttributeValue.fromN(Long.toString(expectedRevision))));
        }
        try {
            table.client().putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException concurrentWrite) {
            return false;
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write insights as JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored insights are unreadable", e);
        }
    }
}
