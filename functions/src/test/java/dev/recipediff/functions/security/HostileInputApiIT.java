package dev.recipediff.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.ApiEvents;
import dev.recipediff.functions.testing.HostileCorpus;
import dev.recipediff.functions.testing.HostileCorpus.Expectation;
import dev.recipediff.functions.testing.HostileCorpus.HostileCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9 §2(a): the hostile corpus ({@link HostileCorpus}, ≥ 5,000 cases) sent over HTTP through the local API
 * Gateway front door to the real authorizer and API handler (dynalite, S3Proxy): no 5xx, no hang (every request
 * bounded by a 30 s client timeout), every refusal a 4xx whose details carry JSON pointers, every must-refuse
 * case refused. Invalid UTF-8 is also sent base64-encoded straight to the handler, because a gateway decodes a
 * JSON media type as text (invalid bytes become U+FFFD before any handler sees them).
 *
 * <p>The corpus has {@code -Drecipediff.hostile.cases=N} cases (default 5,200). To keep the suite fast, a sample
 * spread evenly over the categories ({@code -Drecipediff.hostile.sample=N}, default 1,500) goes over HTTP;
 * {@code -Drecipediff.hostile.sample=0} sends the whole corpus. Figures are printed per category.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class HostileInputApiIT {

    private static final String TABLE = "hostile-input";
    private static final String KITCHEN = "hostile";
    private static final int CASES = Integer.getInteger("recipediff.hostile.cases", 5_200);
    private static final int SAMPLE = Integer.getInteger("recipediff.hostile.sample", 1_500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiGatewayFrontDoor frontDoor;
    private static ApiHandler api;
    private static String authorization;
    private static List<HostileCase> corpus;
    private static final List<Answer> ANSWERS = new ArrayList<>();
    private static long elapsedMillis;

    record Answer(HostileCase hostile, int status, String body, long millis, Throwable failure) {
        boolean gatewayPayloadLimit() {
            return status == 413 && body.contains("Request Entity Too Large");
        }

        @Override
        public String toString() {
            return hostile + " → " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body)
                    + (failure == null ? "" : " " + failure);
        }
    }

    @BeforeAll
    static void sendTheCorpus(DynaliteProcess dynalite, S3ProxyServer s3) throws Exception {
        FunctionsConfig config = FunctionsEnvironment.builder()
                .tableName(TABLE)
                .bucketName(S3ProxyExtension.DEFAULT_BUCKET)
                .region("us-east-1")
                .s3Endpoint(s3.endpoint())
                .dynamoDbEndpoint(dynalite.endpoint())
                .toConfig();
        RecipeTable table = new RecipeTable(new AwsClients(config).dynamoDb(), TABLE);
        table.createIfMissing();
        TokenService tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        authorization = "Bearer "
                + tokens.mint(KITCHEN, EnumSet.of(Scope.READ, Scope.WRITE), "hostile")
                        .token();
        api = new ApiHandler(config);
        frontDoor = ApiGatewayFrontDoor.start(
                ApiGatewayFrontDoorSettings.of(
                        0,
                        Set.of("/openapi.json"),
                        List.of("authorization", Identity.KITCHEN_HEADER),
                        Duration.ofSeconds(60)),
                new AuthorizerHandler(config),
                api);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> recipe =
                post(http, "/recipes", SampleFiles.text("recipes/pancakes.json").getBytes());
        assertThat(recipe.statusCode()).as(recipe.body()).isEqualTo(201);

        corpus = HostileCorpus.generate(9, CASES);
        List<HostileCase> sent = SAMPLE <= 0 ? corpus : HostileCorpus.sample(corpus, SAMPLE);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (HostileCase hostile : sent) {
                answers.add(pool.submit(() -> send(http, hostile)));
            }
            for (Future<Answer> answer : answers) {
                ANSWERS.add(answer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        printFigures();
    }

    @AfterAll
    static void stop() {
        if (frontDoor != null) {
            frontDoor.close();
        }
    }

    private static Answer send(HttpClient http, HostileCase hostile) {
        String path = hostile.target() == HostileCorpus.Target.RECIPE ? "/recipes" : "/recipes/7/makes";
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = post(http, path, hostile.body());
            return new Answer(
                    hostile, response.statusCode(), response.body(), (System.nanoTime() - started) / 1_000_000, null);
        } catch (Exception e) {
            return new Answer(hostile, -1, "", (System.nanoTime() - started) / 1_000_000, e);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String path, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(frontDoor.endpoint() + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        // as a well-behaved client uploads a large body: it waits for the go-ahead, so a body the
                        // front door refuses on its Content-Length gets the 413 instead of a reset mid-upload
                        .expectContinue(body.length > 1024 * 1024)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void printFigures() {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (Answer answer : ANSWERS) {
            int[] counts = byCategory.computeIfAbsent(answer.hostile().category(), k -> new int[5]);
            counts[0]++;
            counts[
                    answer.status() >= 200 && answer.status() < 300
                            ? 1
                            : answer.status() >= 400 && answer.status() < 500 ? 2 : 3]++;
            counts[4] = (int) Math.max(counts[4], answer.millis());
        }
        StringBuilder table = new StringBuilder("hostile corpus through the API front door: " + ANSWERS.size() + " of "
                + corpus.size() + " cases in " + elapsedMillis + " ms\n");
        table.append("%-20s %6s %6s %6s %6s %8s%n".formatted("category", "cases", "2xx", "4xx", "other", "max ms"));
        byCategory.forEach((category, c) ->
                table.append("%-20s %6d %6d %6d %6d %8d%n".formatted(category, c[0], c[1], c[2], c[3], c[4])));
        System.out.print(table);
    }

    // --- the behaviours ---

    @Test
    void theCorpusHasAtLeast5000CasesOfEveryKindTheIssueNames() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(Math.min(CASES, 5_000));
        assertThat(corpus.stream().map(HostileCase::category).distinct())
                .contains(
                        "invalid-utf8",
                        "truncated",
                        "nesting-10000",
                        "numbers",
                        "negative-quantity",
                        "zero-quantity",
                        "10MiB",
                        "duplicate-key",
                        "wrong-type",
                        "control-raw",
                        "1MB-string",
                        "hostile-key",
                        "long-key",
                        "look-alike",
                        "random-mutation");
    }

    @Test
    void noCaseCrashesHangsOrGetsA5xx() {
        assertThat(ANSWERS)
                .hasSize(SAMPLE <= 0 ? corpus.size() : Math.min(SAMPLE, corpus.size()))
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isBetween(200, 499));
    }

    @Test
    void everyRefusalIsA4xxWhoseDetailsCarryJsonPointers() {
        assertThat(ANSWERS.stream().filter(a -> a.status() >= 400 && !a.gatewayPayloadLimit()))
                .allSatisfy(answer -> {
                    JsonNode body = JSON.readTree(answer.body());
                    assertThat(body.path("error").asText())
                            .as(answer.toString())
                            .isNotBlank();
                    assertThat(body.path("details"))
                            .as(answer.toString())
                            .isNotEmpty()
                            .allSatisfy(
                                    detail -> assertThat(detail.path("pointer").asText())
                                            .as(answer.toString())
                                            .matches("(?s)|/.*"));
                });
    }

    @Test
    void everyCaseThatMustBeRefusedIsRefused() {
        // invalid UTF-8 is excluded here: the gateway decodes a JSON media type as text (U+FFFD); see the byte test
        assertThat(ANSWERS.stream()
                        .filter(a -> a.hostile().expectation() == Expectation.REJECTED
                                && !a.hostile().category().equals("invalid-utf8")))
                .isNotEmpty()
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499));
    }

    @Test
    void bodiesOverTheGatewayLimitAreRefusedByTheGatewayAndTheRestOfTheBigOnesByTheApi() {
        assertThat(ANSWERS.stream()
                        .filter(a -> a.hostile().category().equals("10MiB")
                                || a.hostile().category().equals("over-1MiB")))
                .isNotEmpty()
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(413));
    }

    @Test
    void invalidUtf8SentAsBytesToTheHandlerIsA400WithAPointer() {
        List<HostileCase> invalid =
                corpus.stream().filter(c -> c.category().equals("invalid-utf8")).toList();
        assertThat(invalid).isNotEmpty().allSatisfy(hostile -> {
            var event = ApiEvents.request(
                            "POST", hostile.target() == HostileCorpus.Target.RECIPE ? "/recipes" : "/recipes/7/makes")
                    .as(KITCHEN, EnumSet.of(Scope.READ, Scope.WRITE))
                    .header("content-type", "application/json")
                    .build();
            event.setBody(Base64.getEncoder().encodeToString(hostile.body()));
            event.setIsBase64Encoded(true);
            var response = api.handleRequest(event, null);
            assertThat(response.getStatusCode())
                    .as(hostile + " " + response.getBody())
                    .isEqualTo(400);
            assertThat(JSON.readTree(response.getBody())
                            .path("details")
                            .get(0)
                            .path("pointer")
                            .asText())
                    .matches("(?s)|/.*");
        });
    }
}
