package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.analytics.RecipeSummary;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.Page;
import dev.recipediff.functions.store.RecipeTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The precomputed stats views: one item per recipe in the kitchen's partition
 * ({@code pk = K#<kitchen>}, {@code sk = STATS#<recipeId>}) holding the view as gzipped JSON ({@code view}), the
 * counts its bounds dropped ({@code otherChanges}), its one-line summary ({@code summary}, what {@code GET /stats}
 * projects), the rendered {@code GET /recipes/{id}/stats} body (gzipped, {@code statsBody}, what that route
 * projects) and a revision ({@code rev}) for optimistic concurrency. Every view is stored within {@link ViewBounds}, so the item's
 * size is bounded whatever the number of makes.
 */
public final class RecipeStatsTable {

    public static final String PREFIX = "STATS#";
    private static final String OTHER = "otherChanges";
    private static final String BODY = "statsBody";

    private final RecipeTable table;
    private final ObjectMapper mapper = RecipeJson.mapper();
    private final StoredJson json = new StoredJson(mapper, "stats");
    private final StatsBody statsBody = new StatsBody(mapper);

    public RecipeStatsTable(RecipeTable table) {
        this.table = table;
    }

    static ItemKey key(String kitchen, long recipeId) {
        return new ItemKey(ItemKey.kitchenPartition(kitchen), PREFIX + String.format("%019d", recipeId));
    }

    public Optional<StoredStats> find(String kitchen, long recipeId) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(key(kitchen, recipeId).toMap())
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        OtherChanges other =
                item.containsKey(OTHER) ? json.read(item.get(OTHER).s(), OtherChanges.class) : OtherChanges.none();
        return Optional.of(new StoredStats(
                json.read(text(item.get("view")), RecipeStatsView.class),
                Long.parseLong(item.get("rev").n()),
                other));
    }

    /**
     * The rendered body of {@code GET /recipes/{recipeId}/stats} (see {@link StatsBody}): reads only that
     * attribute (and {@code rev}, which every stored view has, to tell a view stored without a body from no
     * view). Empty when nobody made the recipe.
     */
    public Optional<String> body(String kitchen, long recipeId) {
        return storedAnswer(table, key(kitchen, recipeId), BODY)
                .flatMap(answer -> answer.isPresent()
                        ? answer
                        : find(kitchen, recipeId).map(stored -> statsBody.render(stored.view(), stored.other())));
    }

    /**
     * The answer stored on a derived item (attribute {@code body}, read alone with {@code rev}): empty when there
     * is no item, an empty answer when the item was stored before answers were (the caller renders it).
     */
    static Optional<Optional<String>> storedAnswer(RecipeTable table, ItemKey key, String body) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(key.toMap())
                .consistentRead(true)
                .projectionExpression("#body, rev")
                .expressionAttributeNames(Map.of("#body", body)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(response.item().get(body)).map(RecipeStatsTable::text));
    }

    /**
     * Stores {@code view}, bounded by {@link ViewBounds}, if the stored revision is still
     * {@code expected.revision()}.
     *
     * @return false when another writer stored a newer revision first (re-read, re-apply, retry)
     */
    public boolean replace(String kitchen, StoredStats expected, RecipeStatsView view) {
        return store(kitchen, expected, ViewBounds.bound(view, expected.other()));
    }

    /** Stores a view already bounded, if the stored revision is still {@code expected.revision()}. */
    boolean store(String kitchen, StoredStats expected, ViewBounds.Bounded bounded) {
        RecipeStatsView view = bounded.view();
        Map<String, AttributeValue> item =
                new HashMap<>(key(kitchen, view.recipeId()).toMap());
        item.put("view", compressed(json.write(view)));
        item.put("summary", AttributeValue.fromS(json.write(view.summary())));
        item.put(OTHER, AttributeValue.fromS(json.write(bounded.other())));
        item.put(BODY, compressed(statsBody.render(view, bounded.other())));
        item.put("rev", AttributeValue.fromN(Long.toString(expected.revision() + 1)));
        PutItemRequest.Builder put =
                PutItemRequest.builder().tableName(table.name()).item(item);
        if (expected.revision() == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("rev = :rev")
                    .expressionAttributeValues(
                            Map.of(":rev", AttributeValue.fromN(Long.toString(expected.revision()))));
        }
        try {
            table.client().putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException concurrentWrite) {
            return false;
        }
    }

    /** The summaries of the kitchen's made recipes, by recipe id; reads only the small summary attribute. */
    public Page<RecipeSummary> summaries(String kitchen, int limit, Optional<String> after) {
        String pk = ItemKey.kitchenPartition(kitchen);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(PREFIX)))
                .projectionExpression("sk, summary")
                .limit(limit);
        after.ifPresent(sk -> query.exclusiveStartKey(new ItemKey(pk, sk).toMap()));
        QueryResponse response = table.client().query(query.build());
        List<RecipeSummary> summaries = response.items().stream()
                .map(item -> json.read(item.get("summary").s(), RecipeSummary.class))
                .toList();
        Optional<String> next = response.hasLastEvaluatedKey()
                        && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get(ItemKey.SK).s())
                : Optional.empty();
        return new Page<>(summaries, next);
    }

    /**
     * The large attributes ({@code view}, {@code statsBody}) are stored gzipped: the item is read whole by every
     * {@code GET /stats} page and by each make's refresh, so its size is what DynamoDB reads and moves.
     */
    static AttributeValue compressed(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(out.toByteArray()));
    }

    /** A large attribute's JSON: gzipped binary, or text as written before compression. */
    static String text(AttributeValue value) {
        if (value.b() == null) {
            return value.s();
        }
        try (GZIPInputStream zip = new GZIPInputStream(value.b().asInputStream())) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored stats attribute is not gzip", e);
        }
    }
}
