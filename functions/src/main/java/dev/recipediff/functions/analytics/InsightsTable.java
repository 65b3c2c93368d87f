package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.RecipeTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The insights accumulators: one item per recipe version in the kitchen's partition
 * ({@code pk = K#<kitchen>}, {@code sk = INSIGHTS#<recipeId>#<version>}, both zero-padded) holding the
 * {@link InsightsState} as gzipped JSON ({@code state}), the ids of every make the refresher has looked at, of
 * any version ({@code seen}, JSON ranges: what tells it whether makes were missed) and a revision ({@code rev})
 * for optimistic concurrency, and the rendered {@code GET /recipes/{id}/insights} answer ({@code insightsBody},
 * gzipped, see {@link InsightsBody}: what that route reads). The state is bounded ({@link InsightsState#MAX_KEYS} keys, bounded sketches), so
 * the item is too.
 */
public final class InsightsTable {

    static final String PREFIX = "INSIGHTS#";
    static final String BODY = "insightsBody";

    private final RecipeTable table;
    private final ObjectMapper mapper = RecipeJson.mapper();
    private final StoredJson json = new StoredJson(mapper, "insights");
    private final InsightsBody insightsBody = new InsightsBody(mapper);

    public InsightsTable(RecipeTable table) {
        this.table = table;
    }

    /** A stored accumulator with what the refresher needs to write it back. */
    public record Stored(InsightsState state, MakeIdSet seen, long revision) {}

    static ItemKey key(String kitchen, long recipeId, long version) {
        return new ItemKey(ItemKey.kitchenPartition(kitchen), PREFIX + String.format("%019d#%010d", recipeId, version));
    }

    public Optional<Stored> find(String kitchen, long recipeId, long version) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(key(kitchen, recipeId, version).toMap())
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Stored(
                json.read(RecipeStatsTable.text(item.get("state")), InsightsState.class),
                json.read(item.get("seen").s(), MakeIdSet.class),
                Long.parseLong(item.get("rev").n())));
    }

    /**
     * The rendered answer of {@code GET /recipes/{recipeId}/insights?version=N}: one read projecting that attribute
     * (and {@code rev}, which every stored accumulator has). An accumulator stored without it (before answers were
     * stored) is read whole and rendered with {@code recipe}. Empty when nobody made the version.
     */
    public Optional<String> body(String kitchen, long recipeId, long version, Supplier<Recipe> recipe) {
        return RecipeStatsTable.storedAnswer(table, key(kitchen, recipeId, version), BODY)
                .flatMap(answer -> answer.isPresent()
                        ? answer
                        : find(kitchen, recipeId, version)
                                .map(stored -> insightsBody.render(stored.state(), recipe.get())));
    }

    /**
     * Stores {@code state}, {@code seen} and the answer rendered from them if the stored revision is still
     * {@code expectedRevision} (0: no item).
     *
     * @param recipe the version {@code state} counts the makes of (the answer is rendered with it)
     * @return false when another writer stored a newer revision first
     */
    public boolean store(String kitchen, long expectedRevision, InsightsState state, MakeIdSet seen, Recipe recipe) {
        Map<String, AttributeValue> item =
                new HashMap<>(key(kitchen, state.recipeId(), state.version()).toMap());
        item.put("state", RecipeStatsTable.compressed(json.write(state)));
        item.put(BODY, RecipeStatsTable.compressed(insightsBody.render(state, recipe)));
        item.put("seen", AttributeValue.fromS(json.write(seen)));
        item.put("rev", AttributeValue.fromN(Long.toString(expectedRevision + 1)));
        PutItemRequest.Builder put =
                PutItemRequest.builder().tableName(table.name()).item(item);
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
}
