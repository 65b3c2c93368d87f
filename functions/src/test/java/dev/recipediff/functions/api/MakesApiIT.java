package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredVersion;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.ApiEvents;
import dev.recipediff.functions.testing.EmulatedTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Makes: recorded, compared, pending, listed, idempotent and concurrent — against dynalite. */
@ExtendWith(DynaliteExtension.class)
class MakesApiIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();
    private static final String HOTTER = "makes/apple-pie.more-cinnamon-hotter.json";
    private static ApiHandler handler;
    private static EmulatedTable table;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "makes");
        handler = new ApiHandler(table.config());
    }

    private static ApiClient kitchenWithApplePie() {
        ApiClient kitchen = newKitchen();
        assertThat(kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"))
                        .status())
                .isEqualTo(201);
        return kitchen;
    }

    private static ApiClient newKitchen() {
        return ApiClient.readWrite(handler, "makes-" + KITCHENS.incrementAndGet());
    }

    @Test
    void aMakeIsComparedWithTheCurrentVersionAndGetsMakeIdOne() {
        ApiClient kitchen = kitchenWithApplePie();

        Reply recorded = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("makeId").asLong()).isEqualTo(1);
        assertThat(recorded.json().get("version").asLong()).isEqualTo(1);
        assertThat(recorded.json().get("exact").asBoolean()).isFalse();
        assertThat(recorded.json().get("differences")).isNotEmpty();
        assertThat(recorded.json().get("differences").get(0).get("makeId").asLong())
                .isEqualTo(1);
    }

    @Test
    void anExactMakeHasNoDifferences() {
        ApiClient kitchen = kitchenWithApplePie();

        Reply recorded = kitchen.post("/recipes/2/makes", SampleFiles.text("makes/apple-pie.exact.json"));

        assertThat(recorded.json().get("exact").asBoolean()).isTrue();
        assertThat(recorded.json().get("differences")).isEmpty();
    }

    @Test
    void aMakeIsReadBackAsRecordedWithVersionAndExact() {
        ApiClient kitchen = kitchenWithApplePie();
        kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));

        Reply make = kitchen.get("/recipes/2/makes/1");

        assertThat(make.status()).isEqualTo(200);
        assertThat(make.json().get("makeId").asLong()).isEqualTo(1);
        assertThat(make.json().get("version").asLong()).isEqualTo(1);
        assertThat(make.json().get("exact").asBoolean()).isFalse();
        assertThat(make.json().get("recipeName").asText()).isEqualTo("Apple Pie");
    }

    @Test
    void theDifferencesRouteReturnsTheArrayInTheOriginalSchema() {
        ApiClient kitchen = kitchenWithApplePie();
        Reply recorded = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));

        Reply differences = kitchen.get("/recipes/2/makes/1/differences");

        assertThat(differences.status()).isEqualTo(200);
        assertThat(differences.json().isArray()).isTrue();
        assertThat(differences.json()).isEqualTo(recorded.json().get("differences"));
        assertThat(differences.json().get(0).has("recipeField")).isTrue();
        assertThat(differences.json().get(0).get("recipeId").asLong()).isEqualTo(2);
    }

    @Test
    void aMakeIsComparedWithTheVersionCurrentAtReceipt() {
        ApiClient kitchen = kitchenWithApplePie();
        kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));
        kitchen.put("/recipes", SampleFiles.text(HOTTER));

        Reply second = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));

        assertThat(second.json().get("version").asLong()).isEqualTo(2);
        assertThat(second.json().get("exact").asBoolean()).isTrue();
        assertThat(kitchen.get("/recipes/2/makes/1").json().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void aVersionWhoseWriterCrashedBeforePublishingItIsStillTheOneMakesAreComparedWith() {
        String kitchenName = "makes-" + KITCHENS.incrementAndGet();
        ApiClient kitchen = ApiClient.readWrite(handler, kitchenName);
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER)); // the make counter now knows version 1
        versionTwoWrittenByAWriterThatDiedBeforePublishingIt(kitchenName);

        Reply afterTheCrash = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));
        Reply next = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));

        assertThat(afterTheCrash.json().get("version").asLong()).isEqualTo(2);
        assertThat(afterTheCrash.json().get("exact").asBoolean()).isTrue();
        assertThat(next.json().get("version").asLong()).isEqualTo(2);
    }

    private static void versionTwoWrittenByAWriterThatDiedBeforePublishingIt(String kitchen) {
        RecipeReader reader = new RecipeReader();
        var recipe = reader.readRecipe(SampleFiles.text(HOTTER).getBytes(StandardCharsets.UTF_8));
        String document = new String(new RecipeWriter().write(recipe.withRecipeId(2L)), StandardCharsets.UTF_8);
        RecipeVersions versions = new RecipeVersions(table.table());
        versions.announce(kitchen, 2, 2);
        assertThat(versions.put(kitchen, new StoredVersion(2, 2, document, Instant.now()), "Apple Pie", "crashed"))
                .isEqualTo(RecipeVersions.Write.WRITTEN);
    }

    @Test
    void makesAreListedNewestFirstAndPaginated() {
        ApiClient kitchen = kitchenWithApplePie();
        for (int i = 0; i < 3; i++) {
            kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));
        }

        Reply first = kitchen.get("/recipes/2/makes?limit=2");
        Reply rest = kitchen.get(
                "/recipes/2/makes?limit=2&next=" + first.json().get("next").asText());

        assertThat(makeIds(first.json())).containsExactly(3L, 2L);
        assertThat(makeIds(rest.json())).containsExactly(1L);
    }

    @Test
    void aPathRecipeIdThatDisagreesWithTheBodyIsABadRequest() {
        ApiClient kitchen = kitchenWithApplePie();

        Reply recorded = kitchen.post("/recipes/3/makes", SampleFiles.text(HOTTER));

        assertThat(recorded.status()).isEqualTo(400);
        assertThat(recorded.json().get("details").get(0).get("pointer").asText())
                .isEqualTo("/recipeId");
    }

    @Test
    void aMakeOfAnUnknownRecipeIsPendingAndComparedWhenTheRecipeArrives() {
        ApiClient kitchen = newKitchen();

        Reply pending = kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().get("status").asText()).isEqualTo("pending");
        assertThat(kitchen.get("/recipes/2/makes/1").status()).isEqualTo(404);

        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        Reply make = kitchen.get("/recipes/2/makes/1");
        assertThat(make.status()).isEqualTo(200);
        assertThat(make.json().get("version").asLong()).isEqualTo(1);
        assertThat(make.json().get("exact").asBoolean()).isFalse();
    }

    @Test
    void aMakeArrivingWhileItsRecipeIsCreatedIsNeverLeftPending() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                ApiClient kitchen = newKitchen();
                Future<Reply> make = pool.submit(() -> kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER)));
                Future<Reply> recipe =
                        pool.submit(() -> kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json")));
                assertThat(recipe.get(1, TimeUnit.MINUTES).status()).isEqualTo(201);
                assertThat(make.get(1, TimeUnit.MINUTES).status()).isIn(201, 202);

                // recorded exactly once (two racing resolvers may leave an unused id behind: a gap, never a reuse)
                assertThat(makeIds(kitchen.get("/recipes/2/makes").json()))
                        .as("round " + round)
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetriedRecipePostDoesNotRecordAPendingMakeTwice() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER));
        ApiEvents create = kitchen.request("POST", "/recipes")
                .body(SampleFiles.text("recipes/apple-pie.json"))
                .header("content-type", "application/json")
                .idempotencyKey("recipe-upload-1");
        kitchen.send(create);

        Reply retried = kitchen.send(create);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(makeIds(kitchen.get("/recipes/2/makes").json())).containsExactly(1L);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstResultAndChangesNothing() {
        ApiClient kitchen = kitchenWithApplePie();
        ApiEvents make = kitchen.request("POST", "/recipes/2/makes")
                .body(SampleFiles.text(HOTTER))
                .header("content-type", "application/json")
                .idempotencyKey("files/kitchen/pie.json/etag-1");

        Reply first = kitchen.send(make);
        Reply second = kitchen.send(make);

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(makeIds(kitchen.get("/recipes/2/makes").json())).containsExactly(1L);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        ApiClient kitchen = kitchenWithApplePie();
        kitchen.send(kitchen.request("POST", "/recipes/2/makes")
                .body(SampleFiles.text(HOTTER))
                .header("content-type", "application/json")
                .idempotencyKey("key-1"));

        Reply reused = kitchen.send(kitchen.request("POST", "/recipes/2/makes")
                .body(SampleFiles.text("makes/apple-pie.exact.json"))
                .header("content-type", "application/json")
                .idempotencyKey("key-1"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("error").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void aBase64EncodedBodyFromTheGatewayIsDecoded() {
        ApiClient kitchen = kitchenWithApplePie();
        ApiEvents fixture = ApiEvents.fixture("api-post-make-base64.json");
        fixture.as(
                kitchenName(kitchen),
                java.util.EnumSet.of(
                        dev.recipediff.functions.auth.Scope.WRITE, dev.recipediff.functions.auth.Scope.READ));

        Reply recorded = kitchen.send(fixture);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("makeId").asLong()).isEqualTo(1);
    }

    @Test
    void twentyConcurrentMakesOfOneRecipeGetTwentyDistinctMakeIds() throws Exception {
        ApiClient kitchen = kitchenWithApplePie();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Reply>> makes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                makes.add(() -> kitchen.post("/recipes/2/makes", SampleFiles.text(HOTTER)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(makes, 2, TimeUnit.MINUTES)) {
                assertThat(reply.get().status()).isEqualTo(201);
                ids.add(reply.get().json().get("makeId").asLong());
            }

            assertThat(ids).doesNotHaveDuplicates().hasSize(20);
            assertThat(makeIds(kitchen.get("/recipes/2/makes?limit=100").json()))
                    .hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherKitchensMakeIsNotFound() {
        ApiClient owner = kitchenWithApplePie();
        owner.post("/recipes/2/makes", SampleFiles.text(HOTTER));
        ApiClient stranger = newKitchen();

        assertThat(stranger.get("/recipes/2/makes/1").status()).isEqualTo(404);
        assertThat(stranger.get("/recipes/2/makes/1/differences").status()).isEqualTo(404);
        assertThat(stranger.get("/recipes/2/makes").status()).isEqualTo(404);
    }

    @Test
    void aMissingMakeIsNotFound() {
        ApiClient kitchen = kitchenWithApplePie();

        assertThat(kitchen.get("/recipes/2/makes/5").status()).isEqualTo(404);
        assertThat(kitchen.get("/recipes/2/makes/abc").status()).isEqualTo(400);
    }

    private static String kitchenName(ApiClient kitchen) {
        return kitchen.request("GET", "/")
                .build()
                .getRequestContext()
                .getAuthorizer()
                .getLambda()
                .get("kitchen")
                .toString();
    }

    private static List<Long> makeIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("makeId").asLong())
                .toList();
    }
}
