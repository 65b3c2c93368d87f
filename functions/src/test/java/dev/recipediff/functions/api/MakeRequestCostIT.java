package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.store.AuditEntry;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredVersion;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.CountingDynamoDbProxy;
import dev.recipediff.functions.testing.EmulatedTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code POST /recipes/{id}/makes} costs in DynamoDB calls, counted by a proxy in front of dynalite: the
 * figure bounds the one-machine pipeline (dynalite is single-threaded), so it must not grow unnoticed.
 */
@ExtendWith(DynaliteExtension.class)
class MakeRequestCostIT {

    private static final String HOTTER = "makes/apple-pie.more-cinnamon-hotter.json";
    private static final AtomicInteger KITCHENS = new AtomicInteger();
    private static final AtomicInteger KEYS = new AtomicInteger();

    private static CountingDynamoDbProxy proxy;
    private static EmulatedTable table;
    private static ApiHandler handler;

    @BeforeAll
    static void handlerBehindACountingProxy(DynaliteProcess dynalite) throws IOException {
        table = EmulatedTable.create(dynalite, "cost");
        proxy = CountingDynamoDbProxy.inFrontOf(dynalite.endpoint());
        handler = new ApiHandler(FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME", table.table().name(),
                "BUCKET_NAME", "recipediff-test-files",
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString(),
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9")));
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    private static String newKitchenName() {
        return "cost-" + KITCHENS.incrementAndGet();
    }

    private static ApiClient kitchenWithApplePieMadeOnce() {
        ApiClient kitchen = ApiClient.readWrite(handler, newKitchenName());
        assertThat(kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"))
                        .status())
                .isEqualTo(201);
        assertThat(makeWithKey(kitchen, "warm-up").status()).isEqualTo(201);
        return kitchen;
    }

    private static Reply makeWithKey(ApiClient kitchen, String key) {
        return kitchen.send(kitchen.request("POST", "/recipes/2/makes")
                .body(SampleFiles.text(HOTTER))
                .header("content-type", "application/json")
                .idempotencyKey(key + "-" + KEYS.incrementAndGet()));
    }

    @Test
    void aMakeWithAnIdempotencyKeyCostsEightCallsWithItsAuditEntry() {
        ApiClient kitchen = kitchenWithApplePieMadeOnce();
        proxy.reset();

        Reply recorded = makeWithKey(kitchen, "bucket/kitchen/makes/pie.json/etag");

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(proxy.operations())
                .containsExactly(
                        "PutItem", // idempotency claim
                        "UpdateItem", // next make id with the recipe's current version (and whether a pending make
                        // may wait), conditional on that version being published and no newer one announced
                        "UpdateItem", // make id pinned on the claim
                        "PutItem", // the make, conditional on its id
                        "PutItem", // stats view, conditional on its revision (the view this instance stored last)
                        "PutItem", // insights of the make's version, conditional on their revision (likewise)
                        "UpdateItem", // idempotency record completed
                        "PutItem"); // audit entry, conditional on its sequence (the chain head this instance wrote
        // last)
    }

    @Test
    void aMakeWithoutIdempotencyKeyCostsFiveCallsWithItsAuditEntry() {
        ApiClient kitchen = kitchenWithApplePieMadeOnce();
        proxy.reset();

        Reply recorded = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(proxy.operations()).containsExactly("UpdateItem", "PutItem", "PutItem", "PutItem", "PutItem");
    }

    @Test
    void theFirstMakeOfARecipeAlsoReadsItsVersionItsStatsViewAndItsInsights() {
        ApiClient kitchen = ApiClient.readWrite(handler, newKitchenName());
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        proxy.reset();

        Reply recorded = makeWithKey(kitchen, "first");

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(proxy.operations())
                .as("the eight calls of a later make, one read of the version (not parsed by this instance yet)"
                        + " and one read of each derived item")
                .filteredOn("GetItem"::equals)
                .hasSize(3);
        assertThat(proxy.operations()).hasSize(11).doesNotContain("Query");
    }

    @Test
    void concurrentMakesOfOneRecipeOnOneInstanceNeitherFailTheirConditionalWritesNorReadAgain() throws Exception {
        ApiClient kitchen = kitchenWithApplePieMadeOnce();
        proxy.reset();
        int callers = 8;
        int makesEach = 3;

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < callers * makesEach; i++) {
                calls.add(pool.submit(() -> makeWithKey(kitchen, "concurrent").status()));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(statuses).containsOnly(201);
        assertThat(proxy.operations())
                .as("stats views, insights and audit entries written in turn: no conditional write failed and was"
                        + " read again (GetItem) and written once more")
                .doesNotContain("GetItem")
                .filteredOn(operation -> !operation.equals("Query"))
                .as("at most eight calls per make besides the catch-up queries of makes whose ids were handed out in"
                        + " another order than their refreshes ran (a refresh that finds its make folded in already by"
                        + " such a catch-up writes nothing)")
                .hasSizeLessThanOrEqualTo(8 * callers * makesEach);
    }

    @Test
    void concurrentAuditAppendsOfOneKitchenByOneInstanceNeverLoseTheRaceForASequenceNumber() throws Exception {
        RecipeTable throughProxy = new RecipeTable(
                new AwsClients(FunctionsConfig.fromEnvironment(Map.of(
                                "TABLE_NAME", table.table().name(),
                                "BUCKET_NAME", "recipediff-test-files",
                                "AWS_REGION", "eu-west-1",
                                "AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString(),
                                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9")))
                        .dynamoDb(),
                table.table().name());
        AuditTrail trail = new AuditTrail(throughProxy, Clock.systemUTC());
        String kitchen = newKitchenName();
        int writers = 8;
        int appendsEach = 5;
        proxy.reset();

        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<AuditEntry>> appends = new ArrayList<>();
            for (int i = 0; i < writers * appendsEach; i++) {
                String requestId = "r-" + i;
                appends.add(pool.submit(() -> trail.append(
                        kitchen,
                        new AuditEntry.Facts(
                                "0123456789abcdef",
                                "GET",
                                "/recipes/{recipeId}",
                                "2",
                                "",
                                200,
                                "127.0.0.1",
                                requestId))));
            }
            for (Future<AuditEntry> append : appends) {
                append.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(proxy.operations())
                .as("one put per entry (a lost race would add a failed put and a Query of the head), and one Query"
                        + " of the head before the first")
                .containsOnly("PutItem", "Query")
                .filteredOn("PutItem"::equals)
                .hasSize(writers * appendsEach);
        assertThat(proxy.operations()).filteredOn("Query"::equals).hasSize(1);
        assertThat(trail.verify(kitchen, entry -> {}).entries()).isEqualTo((long) writers * appendsEach);
    }

    @Test
    void aReplayedMakeCostsThreeCallsWithItsAuditEntryAndAnswersAsTheFirstTime() {
        ApiClient kitchen = kitchenWithApplePieMadeOnce();
        var make = kitchen.request("POST", "/recipes/2/makes")
                .body(SampleFiles.text(HOTTER))
                .header("content-type", "application/json")
                .idempotencyKey("replayed-" + KEYS.incrementAndGet());
        Reply first = kitchen.send(make);
        proxy.reset();

        Reply replayed = kitchen.send(make);

        assertThat(replayed.json()).isEqualTo(first.json());
        assertThat(proxy.operations()).containsExactly("PutItem", "GetItem", "PutItem");
    }

    @Test
    void aPendingMakeLeftBehindByACrashedRecipeWriterIsRecordedByTheNextMakeAndOnlyThatOneLooksForIt() {
        String kitchenName = newKitchenName();
        ApiClient kitchen = ApiClient.readWrite(handler, kitchenName);
        assertThat(kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER)).status())
                .isEqualTo(202);
        versionOneWrittenByARecipeWriterThatDiedBeforeResolving(kitchenName);
        assertThat(kitchen.get("/recipes/2/makes").json().get("items")).isEmpty();

        proxy.reset();
        Reply next = makeWithKey(kitchen, "after-crash");
        long queriesOfTheNextMake =
                proxy.operations().stream().filter("Query"::equals).count();
        proxy.reset();
        Reply following = makeWithKey(kitchen, "later");
        long queriesOfTheFollowingMake =
                proxy.operations().stream().filter("Query"::equals).count();

        assertThat(next.status()).isEqualTo(201);
        assertThat(following.status()).isEqualTo(201);
        assertThat(kitchen.get("/recipes/2/makes").json().get("items")).hasSize(3);
        assertThat(queriesOfTheNextMake)
                .as("current version, pending makes, and the resolution's own")
                .isGreaterThan(1);
        assertThat(queriesOfTheFollowingMake)
                .as("none: the next make adopted the current version on the make counter")
                .isZero();
    }

    private static void versionOneWrittenByARecipeWriterThatDiedBeforeResolving(String kitchen) {
        RecipeReader reader = new RecipeReader();
        var recipe =
                reader.readRecipe(SampleFiles.text("recipes/apple-pie.json").getBytes(StandardCharsets.UTF_8));
        String document = new String(new RecipeWriter().write(recipe), StandardCharsets.UTF_8);
        assertThat(new RecipeVersions(table.table())
                        .put(
                                kitchen,
                                new StoredVersion(2, 1, document, Instant.now()),
                                recipe.recipeName(),
                                "crashed-writer"))
                .isEqualTo(RecipeVersions.Write.WRITTEN);
    }
}
