package dev.recipediff.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /stats}, {@code /recipes/{id}/stats} and promote, through the real handler against dynalite. */
@ExtendWith(DynaliteExtension.class)
class StatsAndPromoteApiIT {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T09:00:00Z");
    private static ApiHandler handler;

    private ApiCalls api;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME", "stats-api-test",
                "BUCKET_NAME", "unused",
                "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"));
        new dev.recipediff.functions.store.RecipeTable(
                        new dev.recipediff.functions.config.AwsClients(config).dynamoDb(), "stats-api-test")
                .createIfMissing();
        handler = new ApiHandler(config, Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }

    @BeforeEach
    void kitchen() {
        api = ApiCalls.readWrite(handler, "k" + UUID.randomUUID().toString().substring(0, 8));
    }

    private void seedApplePie() {
        assertThat(api.post("/recipes", SampleFiles.text("recipes/apple-pie.json"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/recipes/2/makes", SampleFiles.text("makes/apple-pie.exact.json"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/recipes/2/makes",
                                SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json"),
                                "inbox/hotter.json/v1")
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/recipes/2/makes", SampleFiles.text("makes/apple-pie.same-in-teaspoons.json"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void recipeStatsTellTheApplePieStoryAndARetriedMakeCountsOnce() {
        seedApplePie();
        ApiCalls.Answer retry = api.post(
                "/recipes/2/makes",
                SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json"),
                "inbox/hotter.json/v1");

        JsonNode stats = api.get("/recipes/2/stats").json();

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("makeId").asLong()).isEqualTo(2);
        assertThat(stats.path("recipeName").asText()).isEqualTo("Apple Pie");
        assertThat(stats.path("makes").asLong()).isEqualTo(3);
        assertThat(stats.path("exactMakes").asLong()).isEqualTo(2);
        assertThat(stats.path("shareExact").asDouble()).isEqualTo(0.667);
        assertThat(stats.path("lastMadeAt").asText()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(stats.path("averageRating").path("exact").asDouble()).isEqualTo(4.5);
        assertThat(stats.path("averageRating").path("modified").asDouble()).isEqualTo(5.0);
        assertThat(stats.path("averageRating").path("all").asDouble()).isEqualTo(4.67);
        assertThat(stats.path("mostChangedIngredients").get(0).path("label").asText())
                .isEqualTo("cinnamon");
        assertThat(stats.path("mostChangedIngredients").get(0).path("count").asLong())
                .isEqualTo(1);
        JsonNode cinnamon = stats.path("quantityDrift").get(0);
        assertThat(cinnamon.path("unit").asText()).isEqualTo("ml");
        assertThat(cinnamon.path("points").get(0).path("recipeValue").asDouble())
                .isEqualTo(7.39338);
        assertThat(cinnamon.path("points").get(0).path("makeValue").asDouble()).isEqualTo(14.7868);
        assertThat(cinnamon.path("points").get(0).path("madeAt").asText()).isEqualTo("2026-11-20T18:30:00Z");
        JsonNode oven = stats.path("parameterDrift").get(0);
        assertThat(oven.path("label").asText()).isEqualTo("Step 2 temperature");
        assertThat(oven.path("points").get(0).path("recipeValue").asDouble()).isEqualTo(350);
        assertThat(oven.path("points").get(0).path("makeValue").asDouble()).isEqualTo(375);
    }

    @Test
    void kitchenStatsListEachMadeRecipe() {
        seedApplePie();
        api.post("/recipes", SampleFiles.text("recipes/pancakes.json"));
        api.post("/recipes/7/makes", SampleFiles.text("makes/pancakes.doubled.json"));
        api.post("/recipes/7/makes", SampleFiles.text("makes/pancakes.no-buttermilk.json"));

        JsonNode recipes = api.get("/stats").json().path("recipes");

        assertThat(recipes).hasSize(2);
        assertThat(recipes.get(0).path("recipeId").asLong()).isEqualTo(2);
        assertThat(recipes.get(0).path("makes").asLong()).isEqualTo(3);
        assertThat(recipes.get(0).path("shareExact").asDouble()).isEqualTo(0.667);
        assertThat(recipes.get(0).path("averageRating").asDouble()).isEqualTo(4.67);
        assertThat(recipes.get(1).path("recipeName").asText()).isEqualTo("Buttermilk Pancakes");
        assertThat(recipes.get(1).path("makes").asLong()).isEqualTo(2);
        assertThat(recipes.get(1).path("shareExact").asDouble()).isEqualTo(0.0);
        assertThat(recipes.get(1).path("averageRating").asDouble()).isEqualTo(3.75);
        JsonNode pancakes = api.get("/recipes/7/stats").json();
        assertThat(pancakes.path("scaleFactors").get(0).path("factor").asDouble())
                .isEqualTo(2.0);
        assertThat(pancakes.path("substitutions").get(0).path("from").asText()).isEqualTo("buttermilk");
    }

    @Test
    void aPendingMakeCountsOnceItsRecipeArrives() {
        assertThat(api.post("/recipes/2/makes", SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json"))
                        .status())
                .isEqualTo(202);
        api.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));

        JsonNode stats = api.get("/recipes/2/stats").json();

        assertThat(stats.path("makes").asLong()).isEqualTo(1);
        assertThat(stats.path("mostChangedIngredients").get(0).path("label").asText())
                .isEqualTo("cinnamon");
    }

    @Test
    void concurrentMakesAreAllCounted() throws Exception {
        api.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                posts.add(pool.submit(() -> api.post(
                                "/recipes/2/makes", SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json"))
                        .status()));
            }
            for (Future<Integer> post : posts) {
                assertThat(post.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode stats = api.get("/recipes/2/stats").json();

        assertThat(stats.path("makes").asLong()).isEqualTo(12);
        assertThat(stats.path("mostChangedIngredients").get(0).path("count").asLong())
                .isEqualTo(12);
    }

    @Test
    void recipeStatsSayHowLongASeriesMayBeAndThatNoChangeWentUnlisted() {
        seedApplePie();

        JsonNode stats = api.get("/recipes/2/stats").json();

        assertThat(stats.path("seriesLimit").asInt()).isEqualTo(ViewBounds.MAX_POINTS);
        assertThat(stats.path("otherChanges").path("ingredients").asLong()).isZero();
        assertThat(stats.path("otherChanges").path("steps").asLong()).isZero();
        assertThat(stats.path("otherChanges").path("substitutions").asLong()).isZero();
        assertThat(stats.path("otherChanges").path("scaleFactors").asLong()).isZero();
    }

    @Test
    void aRecipeNobodyMadeHasZeroMakesAndAnUnknownOneIs404() {
        api.post("/recipes", SampleFiles.text("recipes/pancakes.json"));

        assertThat(api.get("/recipes/7/stats").json().path("makes").asLong()).isZero();
        assertThat(api.get("/recipes/99/stats").status()).isEqualTo(404);
        assertThat(api.get("/recipes/abc/stats").status()).isEqualTo(400);
    }

    @Test
    void anotherKitchenSeesNoStats() {
        seedApplePie();
        ApiCalls other = ApiCalls.readWrite(
                handler, "other" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(other.get("/recipes/2/stats").status()).isEqualTo(404);
        assertThat(other.get("/stats").json().path("recipes")).isEmpty();
    }

    @Test
    void promotingAMakeMakesItTheNextVersionWithItsLineage() {
        seedApplePie();

        ApiCalls.Answer promoted = api.post("/recipes/2/makes/2/promote", null);

        assertThat(promoted.status()).isEqualTo(201);
        assertThat(promoted.json().path("version").asLong()).isEqualTo(2);
        assertThat(promoted.json().path("promotedFrom").path("makeId").asLong()).isEqualTo(2);
        assertThat(promoted.json().path("promotedFrom").path("version").asLong())
                .isEqualTo(1);
        JsonNode current = api.get("/recipes/2").json();
        assertThat(current.path("version").asLong()).isEqualTo(2);
        assertThat(current.path("ingredients").get(2).path("quantity").asDouble())
                .isEqualTo(1.0);
        JsonNode versions = api.get("/recipes/2/versions").json().path("items");
        assertThat(versions.get(0).has("promotedFrom")).isFalse();
        assertThat(versions.get(1).path("promotedFrom").path("makeId").asLong()).isEqualTo(2);
    }

    @Test
    void afterPromotionThePromotedWayOfCookingIsExact() {
        seedApplePie();
        api.post("/recipes/2/makes/2/promote", null);

        JsonNode make = api.post("/recipes/2/makes", SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json"))
                .json();

        assertThat(make.path("version").asLong()).isEqualTo(2);
        assertThat(make.path("exact").asBoolean()).isTrue();
    }

    @Test
    void promotingTheSameMakeAgainChangesNothing() {
        seedApplePie();
        api.post("/recipes/2/makes/2/promote", null);

        ApiCalls.Answer again = api.post("/recipes/2/makes/2/promote", null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asLong()).isEqualTo(2);
        assertThat(api.get("/recipes/2/versions").json().path("items")).hasSize(2);
    }

    @Test
    void promoteNeedsTheWriteScopeAndAnExistingMake() {
        seedApplePie();

        assertThat(api.readOnly().post("/recipes/2/makes/2/promote", null).status())
                .isEqualTo(403);
        assertThat(api.post("/recipes/2/makes/9/promote", null).status()).isEqualTo(404);
        assertThat(api.post("/recipes/5/makes/1/promote", null).status()).isEqualTo(404);
    }

    @Test
    void theDashboardNeedsNoTokenButItsDataDoes() {
        ApiCalls.Answer page = api.anonymousGet("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(api.anonymousGet("/assets/app.js").status()).isEqualTo(200);
        assertThat(api.anonymousGet("/docs").status()).isEqualTo(200);
        assertThat(api.anonymousGet("/stats").status()).isEqualTo(401);
        assertThat(api.anonymousGet("/assets/nope.js").status()).isEqualTo(404);
    }

    @Test
    void pipelineStatusIs404WithoutAConfiguredQueue() {
        assertThat(api.get("/pipeline/status").status()).isEqualTo(404);
    }
}
