package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.EmulatedTable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recipes: add, update (immutable versions), read, list — against dynalite. */
@ExtendWith(DynaliteExtension.class)
class RecipesApiIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();
    private static ApiHandler handler;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        handler = new ApiHandler(EmulatedTable.create(dynalite, "recipes").config());
    }

    private static ApiClient newKitchen() {
        return ApiClient.readWrite(handler, "recipes-" + KITCHENS.incrementAndGet());
    }

    @Test
    void postingARecipeStoresItAsVersionOne() {
        ApiClient kitchen = newKitchen();

        Reply created = kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("recipeId").asLong()).isEqualTo(2);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.json().get("recipeName").asText()).isEqualTo("Apple Pie");
        assertThat(created.headers()).containsEntry("Location", "/recipes/2");
    }

    @Test
    void postingAnExistingRecipeIdIsAConflict() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        Reply again = kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("recipe_exists");
    }

    @Test
    void aJsonLdRecipeWithoutIdGetsTheNextFreeIdOfTheKitchen() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        Reply created = kitchen.send(kitchen.request("POST", "/recipes")
                .body(SampleFiles.text("recipes/shakshuka.jsonld"))
                .header("content-type", "application/ld+json"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("recipeId").asLong()).isEqualTo(3);
        assertThat(kitchen.get("/recipes/3").json().get("recipeName").asText())
                .isEqualTo(created.json().get("recipeName").asText());
    }

    @Test
    void gettingARecipeReturnsTheCurrentVersion() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        kitchen.put("/recipes", SampleFiles.text("recipes/apple-pie.json").replace("\"rating\": 4.5", "\"rating\": 5"));

        Reply current = kitchen.get("/recipes/2");

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(2);
        assertThat(current.json().get("rating").asDouble()).isEqualTo(5.0);
    }

    @Test
    void updatingStoresANewVersionAndKeepsTheEarlierOneReadable() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        Reply updated = kitchen.put(
                "/recipes", SampleFiles.text("recipes/apple-pie.json").replace("\"rating\": 4.5", "\"rating\": 3"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        Reply first = kitchen.get("/recipes/2/versions/1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("rating").asDouble()).isEqualTo(4.5);
        Reply versions = kitchen.get("/recipes/2/versions");
        assertThat(versions.json().get("items"))
                .extracting(item -> item.get("version").asLong())
                .containsExactly(1L, 2L);
    }

    @Test
    void concurrentUpdatesEachGetTheirOwnVersion() throws Exception {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Callable<Reply>> updates = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String rating = "\"rating\": " + (i + 1);
                updates.add(() -> kitchen.put(
                        "/recipes", SampleFiles.text("recipes/apple-pie.json").replace("\"rating\": 4.5", rating)));
            }
            java.util.List<Long> versions = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Reply> reply :
                    pool.invokeAll(updates, 1, java.util.concurrent.TimeUnit.MINUTES)) {
                assertThat(reply.get().status()).isEqualTo(200);
                versions.add(reply.get().json().get("version").asLong());
            }

            assertThat(versions).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
            assertThat(kitchen.get("/recipes/2").json().get("version").asLong()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updatingAnUnknownRecipeIsNotFound() {
        ApiClient kitchen = newKitchen();

        Reply updated = kitchen.put("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        assertThat(updated.status()).isEqualTo(404);
        assertThat(updated.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void updatingWithoutRecipeIdPointsAtTheMissingField() {
        ApiClient kitchen = newKitchen();

        Reply updated = kitchen.send(kitchen.request("PUT", "/recipes")
                .body(SampleFiles.text("recipes/shakshuka.jsonld"))
                .header("content-type", "application/ld+json"));

        assertThat(updated.status()).isEqualTo(400);
        assertThat(updated.json().get("details").get(0).get("pointer").asText()).isEqualTo("/recipeId");
    }

    @Test
    void anUnknownVersionIsNotFound() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        assertThat(kitchen.get("/recipes/2/versions/7").status()).isEqualTo(404);
        assertThat(kitchen.get("/recipes/99/versions").status()).isEqualTo(404);
        assertThat(kitchen.get("/recipes/99").status()).isEqualTo(404);
    }

    @Test
    void listingRecipesPagesWithAnOpaqueCursor() {
        ApiClient kitchen = newKitchen();
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        kitchen.post("/recipes", SampleFiles.text("recipes/pancakes.json"));

        Reply first = kitchen.get("/recipes?limit=1");
        Reply second =
                kitchen.get("/recipes?limit=1&next=" + first.json().get("next").asText());

        assertThat(first.json().get("items")).hasSize(1);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(first.json().get("items").get(0).get("recipeId").asLong())
                .isNotEqualTo(second.json().get("items").get(0).get("recipeId").asLong());
        Reply last =
                kitchen.get("/recipes?limit=1&next=" + second.json().get("next").asText());
        assertThat(last.json().get("items")).isEmpty();
        assertThat(last.json().get("next").isNull()).isTrue();
    }

    @Test
    void aForgedCursorIsABadRequest() {
        ApiClient kitchen = newKitchen();

        Reply listed = kitchen.get("/recipes?next=bm90LWEtY3Vyc29y");

        assertThat(listed.status()).isEqualTo(400);
        assertThat(listed.json().get("details").get(0).get("pointer").asText()).isEqualTo("/query/next");
    }

    @Test
    void aLimitAboveOneHundredIsABadRequest() {
        ApiClient kitchen = newKitchen();

        Reply listed = kitchen.get("/recipes?limit=101");

        assertThat(listed.status()).isEqualTo(400);
        assertThat(listed.json().get("details").get(0).get("pointer").asText()).isEqualTo("/query/limit");
    }

    @Test
    void anotherKitchensRecipeIsNotFoundExactlyLikeAMissingOne() {
        ApiClient owner = newKitchen();
        ApiClient stranger = newKitchen();
        owner.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        Reply read = stranger.get("/recipes/2");
        Reply missing = stranger.get("/recipes/3");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("message").asText())
                .isEqualTo(missing.json().get("message").asText().replace("3", "2"));
        assertThat(stranger.put("/recipes", SampleFiles.text("recipes/apple-pie.json"))
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/recipes").json().get("items")).isEmpty();
        assertThat(stranger.post("/recipes", SampleFiles.text("recipes/apple-pie.json"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aRecipeIdAboveTheDocumentedRangeIs400WithAPointer() {
        ApiClient kitchen = newKitchen();

        Reply created = kitchen.post("/recipes", withRecipeId(9_223_372_036_854_775_807L));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().get("details").get(0).get("pointer").asText()).isEqualTo("/recipeId");
        assertThat(created.json().get("details").get(0).get("problem").asText()).contains("9007199254740991");
    }

    @Test
    void afterTheLargestIdAnIdLessRecipeIsAClearConflictNeverA500() {
        ApiClient kitchen = newKitchen();
        assertThat(kitchen.post("/recipes", withRecipeId(9_007_199_254_740_991L))
                        .status())
                .isEqualTo(201);

        Reply next = kitchen.send(kitchen.request("POST", "/recipes")
                .body(SampleFiles.text("recipes/shakshuka.jsonld"))
                .header("content-type", "application/ld+json"));

        assertThat(next.status()).isEqualTo(409);
        assertThat(next.json().get("error").asText()).isEqualTo("recipe_ids_exhausted");
        assertThat(next.json().get("details").get(0).get("pointer").asText()).isEqualTo("/recipeId");
    }

    @Test
    void aPathIdAboveTheRangeIs400() {
        Reply read = newKitchen().get("/recipes/9223372036854775807");

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().get("details").get(0).get("pointer").asText()).isEqualTo("/path/recipeId");
    }

    @Test
    void aForgedOverLongCursorIs400NotA500() {
        String forged = dev.recipediff.functions.http.PageQuery.cursor("RECIPE#" + "7".repeat(1_100));

        Reply listed = newKitchen().get("/recipes?next=" + forged);

        assertThat(listed.status()).isEqualTo(400);
        assertThat(listed.json().get("details").get(0).get("pointer").asText()).isEqualTo("/query/next");
    }

    private static String withRecipeId(long recipeId) {
        return SampleFiles.text("recipes/apple-pie.json")
                .replaceFirst("\"recipeId\"\\s*:\\s*\\d+", "\"recipeId\": " + recipeId);
    }
}
