package dev.recipediff.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Insights, the suggestion and its promotion, two makes compared and the CSV download, through the real handler
 * against dynalite.
 */
@ExtendWith(DynaliteExtension.class)
class InsightsApiIT {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T09:00:00Z");
    private static ApiHandler handler;

    private ApiCalls api;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME", "insights-api-test",
                "BUCKET_NAME", "unused",
                "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"));
        new dev.recipediff.functions.store.RecipeTable(
                        new dev.recipediff.functions.config.AwsClients(config).dynamoDb(), "insights-api-test")
                .createIfMissing();
        handler = new ApiHandler(config, Clock.fixed(RECEIVED, ZoneOffset.UTC));
    }

    @BeforeEach
    void kitchen() {
        api = ApiCalls.readWrite(handler, "k" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A spice cake: 1 tsp cinnamon, 0.5 tsp salt, the oven at 350 degrees. */
    private static String cake(String extraFields, double cinnamon, double salt, int oven) {
        return """
                {"recipeName": "Spice Cake", "recipeId": 31, %s
                 "ingredients": [
                   {"ingredientId": 1, "quantity": 2, "measurement": "cup", "ingredientName": "flour"},
                   {"ingredientId": 2, "quantity": %s, "measurement": "tsp", "ingredientName": "cinnamon"},
                   {"ingredientId": 3, "quantity": %s, "measurement": "tsp", "ingredientName": "salt"},
                   {"ingredientId": 4, "quantity": 0.75, "measurement": "cup", "ingredientName": "sugar"}],
                 "steps": [
                   {"stepId": 1, "stepText": "Preheat the oven to %d degrees"},
                   {"stepId": 2, "stepText": "Whisk everything and bake for 40 minutes"}]}
                """.formatted(extraFields, cinnamon, salt, oven);
    }

    private static String recipe() {
        return cake("", 1, 0.5, 350);
    }

    private static String make(double rating, double cinnamon, double salt, int oven, String cook) {
        return cake(
                "\"rating\": " + rating + ", \"madeBy\": \"" + cook + "\", \"madeAt\": \"2026-11-20T18:30:00Z\",",
                cinnamon,
                salt,
                oven);
    }

    /**
     * The planted effect: 15 makes with doubled cinnamon rated 5, 15 as written rated 3.5; more salt in 7
     * makes of each group at random; the oven at 375 in 10 of each group.
     */
    private void seedPlantedEffect() {
        assertThat(api.post("/recipes", recipe()).status()).isEqualTo(201);
        List<Boolean> salted = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            salted.add(i < 7);
        }
        for (boolean doubled : List.of(true, false)) {
            Collections.shuffle(salted, new Random(doubled ? 19 : 91));
            for (int i = 0; i < 15; i++) {
                String body = make(
                        doubled ? 5 : 3.5,
                        doubled ? 2 : 1,
                        salted.get(i) ? 0.75 : 0.5,
                        i < 10 ? 375 : 350,
                        "cook " + i);
                assertThat(api.post("/recipes/31/makes", body).status()).isEqualTo(201);
            }
        }
    }

    private static JsonNode effect(JsonNode insights, String ingredient) {
        for (JsonNode effect : insights.path("effects")) {
            if (ingredient.equals(effect.path("change").path("ingredient").asText())) {
                return effect;
            }
        }
        throw new AssertionError("no effect for " + ingredient + " in " + insights);
    }

    @Test
    void thePlantedCinnamonEffectIsConfidentAndTheRandomSaltIsNot() {
        seedPlantedEffect();

        JsonNode insights = api.get("/recipes/31/insights").json();

        assertThat(insights.path("recipeId").asLong()).isEqualTo(31);
        assertThat(insights.path("version").asInt()).isEqualTo(1);
        assertThat(insights.path("makes").asLong()).isEqualTo(30);
        assertThat(insights.path("ratedMakes").asLong()).isEqualTo(30);
        assertThat(insights.path("effectsStatus").asText()).isEqualTo("ok");
        JsonNode first = insights.path("effects").get(0);
        assertThat(first.path("change").toString())
                .isEqualTo(
                        "{\"recipeField\":\"ingredient\",\"ingredient\":\"cinnamon\",\"ingredientField\":\"quantity\","
                                + "\"direction\":\"up\"}");
        assertThat(first.path("confident").asBoolean()).isTrue();
        assertThat(first.path("ratingWith").asDouble()).isEqualTo(5.0);
        assertThat(first.path("ratingWithout").asDouble()).isEqualTo(3.5);
        assertThat(first.path("delta").asDouble()).isEqualTo(1.5);
        JsonNode salt = effect(insights, "salt");
        assertThat(salt.path("confident").asBoolean()).isFalse();
        assertThat(salt.path("low").asDouble()).isNegative();
        assertThat(salt.path("high").asDouble()).isPositive();
    }

    @Test
    void theConsensusAndTheSuggestionAreExact() {
        seedPlantedEffect();

        JsonNode insights = api.get("/recipes/31/insights").json();

        JsonNode consensus = insights.path("consensus");
        assertThat(consensus).hasSize(2);
        assertThat(consensus.get(0).toString())
                .isEqualTo(
                        "{\"change\":{\"recipeField\":\"instruction\","
                                + "\"parameter\":\"temperature\",\"stepPosition\":1,\"direction\":\"up\"},\"makes\":20,\"share\":0.67,"
                                + "\"recipe\":\"350 degrees\",\"typical\":\"375 degrees\",\"typicalValue\":375.0,\"unit\":\"degrees\"}");
        assertThat(consensus.get(1).toString())
                .isEqualTo(
                        "{\"change\":{\"recipeField\":\"ingredient\","
                                + "\"ingredient\":\"cinnamon\",\"ingredientField\":\"quantity\",\"direction\":\"up\"},\"makes\":15,"
                                + "\"share\":0.5,\"recipe\":\"1 tsp\",\"typical\":\"2 tsp\",\"typicalValue\":2.0,\"unit\":\"tsp\"}");
        JsonNode suggestion = insights.path("suggestion");
        assertThat(suggestion.path("ingredients").get(1).toString())
                .isEqualTo("{\"ingredientId\":2,\"quantity\":2,"
                        + "\"measurement\":\"tsp\",\"ingredientName\":\"cinnamon\"}");
        assertThat(suggestion.path("ingredients").get(2).path("quantity").asDouble())
                .isEqualTo(0.5);
        assertThat(suggestion.path("steps").get(0).path("stepText").asText())
                .isEqualTo("Preheat the oven to 375 degrees");
        assertThat(suggestion.path("steps").get(1).path("stepText").asText())
                .isEqualTo("Whisk everything and bake for 40 minutes");
    }

    @Test
    void promotingTheSuggestionMakesTheNextVersionWithItsLineageOnceAndOnlyOnce() {
        seedPlantedEffect();

        ApiCalls.Answer promoted = api.post("/recipes/31/suggestion/promote", null, "promote-suggestion-1");
        ApiCalls.Answer replayed = api.post("/recipes/31/suggestion/promote", null, "promote-suggestion-1");
        ApiCalls.Answer repeated = api.post("/recipes/31/suggestion/promote", null);

        assertThat(promoted.status()).isEqualTo(201);
        assertThat(promoted.json().path("version").asLong()).isEqualTo(2);
        assertThat(promoted.json().path("suggestedFrom").toString())
                .isEqualTo("{\"version\":1,\"makeCount\":30,\"makes\":[[1,30]]}");
        assertThat(promoted.json().path("ingredients").get(1).path("quantity").asDouble())
                .isEqualTo(2.0);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().path("version").asLong()).isEqualTo(2);
        assertThat(api.get("/recipes/31")
                        .json()
                        .path("suggestedFrom")
                        .path("version")
                        .asLong())
                .isEqualTo(1);
        JsonNode current = api.get("/recipes/31/insights").json();
        assertThat(current.path("version").asInt()).isEqualTo(2);
        assertThat(current.path("makes").asLong()).isZero();
        assertThat(current.path("effectsStatus").asText()).isEqualTo("no_changes");
        assertThat(api.get("/recipes/31/insights?version=1")
                        .json()
                        .path("makes")
                        .asLong())
                .isEqualTo(30);
    }

    @Test
    void withoutConsensusThereIsNothingToPromote() {
        api.post("/recipes", recipe());
        api.post("/recipes/31/makes", make(4, 2, 0.5, 350, "ana"));

        ApiCalls.Answer refused = api.post("/recipes/31/suggestion/promote", null);
        JsonNode insights = api.get("/recipes/31/insights").json();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).isEqualTo("no_suggestion");
        assertThat(insights.path("suggestion").isNull()).isTrue();
        assertThat(insights.path("effectsStatus").asText()).isEqualTo("too_few_makes");
    }

    @Test
    void anUnknownRecipeOrVersionIs404AndABadVersion400() {
        api.post("/recipes", recipe());

        assertThat(api.get("/recipes/99/insights").status()).isEqualTo(404);
        assertThat(api.get("/recipes/31/insights?version=7").status()).isEqualTo(404);
        ApiCalls.Answer bad = api.get("/recipes/31/insights?version=first");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("details").get(0).path("pointer").asText()).isEqualTo("/query/version");
        assertThat(api.post("/recipes/99/suggestion/promote", null).status()).isEqualTo(404);
    }

    @Test
    void aReadOnlyTokenReadsInsightsButCannotPromote() {
        api.post("/recipes", recipe());

        assertThat(api.readOnly().get("/recipes/31/insights").status()).isEqualTo(200);
        assertThat(api.readOnly().post("/recipes/31/suggestion/promote", null).status())
                .isEqualTo(403);
    }

    @Test
    void twoMakesComparedWithEachOtherUseTheDifferenceSchema() {
        api.post("/recipes", recipe());
        api.post("/recipes/31/makes", make(4, 2, 0.5, 350, "ana"));
        api.post("/recipes/31/makes", make(4, 2, 0.5, 375, "bo"));

        ApiCalls.Answer compared = api.get("/recipes/31/makes/1/compare/2");

        assertThat(compared.status()).isEqualTo(200);
        JsonNode body = compared.json();
        assertThat(body.path("makeId").asLong()).isEqualTo(1);
        assertThat(body.path("otherMakeId").asLong()).isEqualTo(2);
        assertThat(body.path("exact").asBoolean()).isFalse();
        assertThat(body.path("differences")).hasSize(1);
        JsonNode oven = body.path("differences").get(0);
        assertThat(oven.path("parameter").asText()).isEqualTo("temperature");
        assertThat(oven.path("recipeValue").asDouble()).isEqualTo(350);
        assertThat(oven.path("makeValue").asDouble()).isEqualTo(375);
        assertThat(oven.path("makeId").asLong()).isEqualTo(2);
        assertThat(api.get("/recipes/31/makes/1/compare/9").status()).isEqualTo(404);
    }

    @Test
    void theDifferencesDownloadAsCsvOneRowPerDifference() {
        api.post("/recipes", recipe());
        api.post("/recipes/31/makes", make(4.5, 2, 0.5, 375, "ana, the baker"));
        api.post("/recipes/31/makes", cake("\"rating\": 4,", 1, 0.5, 350));
        api.post("/recipes/31/makes", make(3, 1, 0.5, 350, "=cmd"));

        ApiCalls.Answer csv = api.get("/recipes/31/differences.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Link")).isNull();
        String[] rows = csv.response().getBody().split("\r\n");
        assertThat(rows[0]).startsWith("makeId,version,madeAt,madeBy,rating,exact,recipeField,change,ingredient,");
        assertThat(rows).hasSize(1 + 3 + 1 + 1);
        assertThat(rows[1]).startsWith("1,1,2026-11-20T18:30:00Z,\"ana, the baker\",4.5,false,rating,");
        assertThat(rows[2])
                .startsWith("1,1,2026-11-20T18:30:00Z,\"ana, the baker\",4.5,false,ingredient,modified,"
                        + "cinnamon,quantity,,,,,1 tsp,2 tsp,");
        assertThat(rows[3])
                .startsWith("1,1,2026-11-20T18:30:00Z,\"ana, the baker\",4.5,false,instruction,modified,,,"
                        + "temperature,1,1,1,350 degrees,375 degrees,350");
        assertThat(rows[4]).startsWith("2,1,,,4,false,rating,");
        assertThat(rows[5]).startsWith("3,1,2026-11-20T18:30:00Z,'=cmd,3,false,rating,");
    }

    @Test
    void aFullCsvPageLinksToTheNext() {
        api.post("/recipes", recipe());
        api.post("/recipes/31/makes", cake("", 1, 0.5, 350));
        api.post("/recipes/31/makes", cake("", 2, 0.5, 350));

        ApiCalls.Answer first = api.get("/recipes/31/differences.csv?limit=1");
        ApiCalls.Answer second = api.get("/recipes/31/differences.csv?after=1&limit=1");

        assertThat(first.header("Link")).isEqualTo("</recipes/31/differences.csv?after=1&limit=1>; rel=\"next\"");
        assertThat(first.response().getBody().split("\r\n")[1]).isEqualTo("1,1,,,,true" + ",".repeat(15));
        assertThat(second.response().getBody().split("\r\n")[1])
                .startsWith("2,1,,,,false,ingredient,modified,cinnamon");
        assertThat(api.get("/recipes/31/differences.csv?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/recipes/99/differences.csv").status()).isEqualTo(404);
    }
}
