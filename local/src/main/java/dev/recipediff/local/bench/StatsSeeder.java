package dev.recipediff.local.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.analytics.RecordedMake;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.analytics.InsightsTable;
import dev.recipediff.functions.analytics.RecipeStatsTable;
import dev.recipediff.functions.analytics.StoredStats;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.RecipeTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Stores many makes quickly for the analytics benchmark, bypassing the pipeline but producing what it
 * produces: each generated make compared in process, written as the API writes a recorded make (same item
 * layout as {@code MakeRecords.put}) with BatchWriteItem, the recipe's make-id counter set, and its
 * precomputed stats view and insights accumulator folded in process and stored once per recipe with
 * {@link RecipeStatsTable} and {@link InsightsTable} — what the API's stats and insights routes read.
 */
public final class StatsSeeder {

    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String kitchen;
    private final RecipeStatsTable stats;
    private final RecipeReader reader = new RecipeReader();
    private final RecipeWriter writer = new RecipeWriter();
    private final MakeComparator comparator = new MakeComparator();
    private final ObjectMapper json = RecipeJson.mapper();
    private final Map<Long, Long> lastMakeIds = new HashMap<>();
    private final Map<Long, StoredStats> views = new HashMap<>();
    private final InsightsTable insightsTable;
    private final Map<Long, InsightsTable.Stored> insights = new HashMap<>();

    public StatsSeeder(DynamoDbClient dynamoDb, String table, String kitchen) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.kitchen = kitchen;
        this.stats = new RecipeStatsTable(new RecipeTable(dynamoDb, table));
        this.insightsTable = new InsightsTable(new RecipeTable(dynamoDb, table));
    }

    /** Adds {@code makesPerRecipe} valid makes to each recipe (version 1), with {@code writers} parallel writers. */
    public void addMakes(List<Recipe> recipes, int makesPerRecipe, long seed, int writers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(
                writers, Thread.ofPlatform().name("bench-seed-", 0).factory());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Recipe recipe : recipes) {
                work.add(pool.submit(() -> {
                    seedRecipe(recipe, makesPerRecipe, seed);
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void seedRecipe(Recipe recipe, int count, long seed) {
        long recipeId = recipe.recipeId();
        long first;
        StoredStats stored;
        InsightsTable.Stored storedInsights;
        synchronized (this) {
            first = lastMakeIds.getOrDefault(recipeId, 0L) + 1;
            lastMakeIds.put(recipeId, first + count - 1);
            stored = views.computeIfAbsent(
                    recipeId, id -> new StoredStats(RecipeStatsView.empty(id, recipe.recipeName()), 0));
            storedInsights = insights.computeIfAbsent(
                    recipeId, id -> new InsightsTable.Stored(InsightsState.empty(id, 1), MakeIdSet.empty(), 0));
        }
        InsightsState state = storedInsights.state();
        MakeGenerator generator = new MakeGenerator(List.of(recipe), seed ^ recipeId ^ first);
        RecipeStatsView view = stored.view();
        List<WriteRequest> batch = new ArrayList<>(BATCH_WRITE_LIMIT);
        int sequence = 0;
        for (long makeId = first; makeId < first + count; ) {
            GeneratedMake generated = generator.next(sequence++);
            if (!generated.valid()) {
                continue;
            }
            Make make = reader.readMake(generated.body());
            Comparison comparison = comparator.compare(recipe, make).withMakeId(makeId);
            String differences = write(comparison.differences());
            Instant receivedAt = make.madeAt().toInstant();
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder()
                            .item(makeItem(
                                    recipeId,
                                    makeId,
                                    comparison.exact(),
                                    new String(writer.write(make), StandardCharsets.UTF_8),
                                    differences,
                                    receivedAt))
                            .build())
                    .build());
            RecordedMake recorded = new RecordedMake(
                    makeId, 1, make.madeAt(), make.content().rating(), comparison.exact(), comparison.differences());
            view = view.apply(recorded);
            state = state.apply(recorded);
            if (batch.size() == BATCH_WRITE_LIMIT) {
                writeAll(batch);
                batch.clear();
            }
            makeId++;
        }
        writeAll(batch);
        dynamoDb.putItem(b -> b.tableName(table).item(counterItem(recipeId, first + count - 1)));
        if (!stats.replace(kitchen, stored, view)) {
            throw new IllegalStateException("the stats view of recipe " + recipeId + " changed while seeding");
        }
        MakeIdSet seen = new MakeIdSet(List.of(new MakeIdSet.Range(1, first + count - 1)));
        if (!insightsTable.store(kitchen, storedInsights.revision(), state, seen, recipe)) {
            throw new IllegalStateException("the insights of recipe " + recipeId + " changed while seeding");
        }
        synchronized (this) {
            views.put(recipeId, new StoredStats(view, stored.revision() + 1));
            insights.put(recipeId, new InsightsTable.Stored(state, seen, storedInsights.revision() + 1));
        }
    }

    private Map<String, AttributeValue> makeItem(
            long recipeId, long makeId, boolean exact, String document, String differences, Instant receivedAt) {
        Map<String, AttributeValue> item =
                new HashMap<>(ItemKey.make(kitchen, recipeId, makeId).toMap());
        item.put("version", AttributeValue.fromN("1"));
        item.put("exact", AttributeValue.fromBool(exact));
        item.put("document", AttributeValue.fromS(document));
        item.put("differences", AttributeValue.fromS(differences));
        item.put("receivedAt", AttributeValue.fromS(receivedAt.toString()));
        item.put("writeToken", AttributeValue.fromS("bench-seed:" + recipeId + ":" + makeId));
        return item;
    }

    private Map<String, AttributeValue> counterItem(long recipeId, long lastId) {
        Map<String, AttributeValue> item =
                new HashMap<>(ItemKey.makeIdCounter(kitchen, recipeId).toMap());
        item.put("lastId", AttributeValue.fromN(Long.toString(lastId)));
        return item;
    }

    private void writeAll(List<WriteRequest> requests) {
        List<WriteRequest> pending = List.copyOf(requests);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 20) {
                throw new IllegalStateException(pending.size() + " items stayed unprocessed");
            }
            List<WriteRequest> batch = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("differences are not serializable", e);
        }
    }
}
