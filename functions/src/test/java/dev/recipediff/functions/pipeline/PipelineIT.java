package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.glue.S3NotificationDispatcher;
import dev.recipediff.emulators.glue.SqsPoller;
import dev.recipediff.emulators.glue.SqsPollerSettings;
import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.lambda.SenderHandler;
import dev.recipediff.functions.lambda.WatcherHandler;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline in-process against the real protocol emulators: S3Proxy (notifying) → WatcherHandler →
 * ElasticMQ (jobs queue + DLQ, maxReceiveCount 5, visibility 1 s) → SQS event source → SenderHandler → a
 * fault-injecting proxy → the HTTP front door (AuthorizerHandler + ApiHandler) → dynalite.
 * Each test works in its own kitchen.
 */
@ExtendWith(DynaliteExtension.class)
class PipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String TABLE = "pipeline-it";

    private static QueueEmulators emulators;
    private static ApiGatewayFrontDoor frontDoor;
    private static FaultInjectingProxy proxy;
    private static S3NotificationDispatcher notifications;
    private static SqsPoller eventSource;
    private static WatcherHandler watcher;
    private static SenderHandler sender;
    private static FunctionsConfig config;
    private static TokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start(DynaliteProcess dynalite) throws Exception {
        emulators = QueueEmulators.start(Duration.ofSeconds(1));
        FunctionsConfig apiConfig = emulators.config(
                Optional.empty(), Optional.empty(), Optional.of(TABLE), Optional.of(dynalite.endpoint()));
        RecipeTable table = new RecipeTable(new AwsClients(apiConfig).dynamoDb(), TABLE);
        table.createIfMissing();
        tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        frontDoor = ApiGatewayFrontDoor.start(
                ApiGatewayFrontDoorSettings.of(
                        0, Set.of("/openapi.json"), List.of("authorization", "x-recipediff-kitchen"), Duration.ZERO),
                new AuthorizerHandler(apiConfig),
                new ApiHandler(apiConfig));
        proxy = FaultInjectingProxy.inFrontOf(frontDoor.endpoint());
        String serviceToken = tokens.mintServiceToken("pipeline", "sender").token();
        config = emulators.config(
                Optional.of(proxy.endpoint()),
                Optional.of(serviceToken),
                Optional.of(TABLE),
                Optional.of(dynalite.endpoint()));
        watcher = new WatcherHandler(config);
        notifications = S3NotificationDispatcher.withDefaultRetries("watcher", watcher);
        emulators.notify(notifications::onEvent);
        sender = new SenderHandler(config);
        eventSource = new SqsPoller(
                        emulators.sqsClient,
                        SqsPollerSettings.of("sender", emulators.sqs.queueUrl(), emulators.sqs.queueArn(), "us-east-1"),
                        sender)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        eventSource.stop(Duration.ofSeconds(5));
        notifications.close();
        proxy.close();
        frontDoor.close();
        emulators.close();
    }

    @AfterEach
    void heal() {
        proxy.heal();
    }

    private static String kitchen() {
        return "k-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- the cases of issue 4 §5 ---

    @Test
    void aMakeFileBecomesAMakeWithItsDifferences() throws Exception {
        String kitchen = kitchen();
        emulators.putSample(kitchen + "/recipes/apple-pie.json", "recipes/apple-pie.json");
        await().atMost(PATIENCE).until(() -> get(kitchen, "/recipes/2").statusCode() == 200);

        emulators.putSample(
                kitchen + "/makes/apple-pie.more-cinnamon-hotter.json", "makes/apple-pie.more-cinnamon-hotter.json");

        JsonNode make = await().atMost(PATIENCE).until(() -> onlyMake(kitchen, 2), node -> node != null);
        assertThat(make.get("exact").asBoolean()).isFalse();
        String differences = get(
                        kitchen, "/recipes/2/makes/" + make.get("makeId").asLong() + "/differences")
                .body();
        assertThat(differences).containsIgnoringCase("cinnamon");
    }

    @Test
    void aRecipeFileArrivingAfterItsMakeFileGetsTheMakeCompared() throws Exception {
        String kitchen = kitchen();
        emulators.putSample(kitchen + "/makes/pancakes.doubled.json", "makes/pancakes.doubled.json");
        await().atMost(PATIENCE).until(() -> proxy.answered(202, key -> key.contains(kitchen + "/makes/")) == 1);

        emulators.putSample(kitchen + "/recipes/pancakes.json", "recipes/pancakes.json");

        JsonNode make = await().atMost(PATIENCE).until(() -> onlyMake(kitchen, 7), node -> node != null);
        assertThat(make.get("makeId").asLong()).isEqualTo(1);
        assertThat(make.get("differenceCount").asInt()).isPositive();
    }

    @Test
    void theSameNotificationDeliveredTwiceRecordsOneMake() throws Exception {
        String kitchen = kitchen();
        emulators.putSample(kitchen + "/recipes/apple-pie.json", "recipes/apple-pie.json");
        // the recipe first (jobs of one batch are submitted concurrently: a make could overtake it and be kept
        // pending, answered 202 instead of 201)
        await().atMost(PATIENCE).until(() -> get(kitchen, "/recipes/2").statusCode() == 200);
        String makeKey = kitchen + "/makes/apple-pie.exact.json";
        emulators.putSample(makeKey, "makes/apple-pie.exact.json");
        await().atMost(PATIENCE).until(() -> onlyMake(kitchen, 2) != null);
        S3Event notification = emulators.notifications.stream()
                .filter(event -> event.getRecords()
                        .getFirst()
                        .getS3()
                        .getObject()
                        .getUrlDecodedKey()
                        .equals(makeKey))
                .findFirst()
                .orElseThrow();

        watcher.handleRequest(notification, null);

        await().atMost(PATIENCE).until(() -> proxy.answered(201, key -> key.contains(makeKey)) == 2);
        assertThat(makes(kitchen, 2)).hasSize(1);
    }

    @Test
    void aMessageThatKeepsFailingLandsInTheDlqAfterFiveReceivesAndRedriveBringsItHome() throws Exception {
        String kitchen = kitchen();
        String makeKey = kitchen + "/makes/doomed.json";
        proxy.failWhen(key -> key.contains(makeKey));
        emulators.putSample(kitchen + "/recipes/apple-pie.json", "recipes/apple-pie.json");
        emulators.putSample(makeKey, "makes/apple-pie.exact.json");

        await().atMost(PATIENCE).until(() -> emulators.depth(emulators.sqs.deadLetterQueueUrl()) == 1);
        assertThat(proxy.answered(503, key -> key.contains(makeKey))).isEqualTo(5);
        assertThat(makes(kitchen, 2)).isEmpty();

        proxy.heal();
        int moved = new SqsRedriver(config, emulators.sqs.deadLetterQueueUrl()).redrive();

        assertThat(moved).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> onlyMake(kitchen, 2) != null);
        assertThat(emulators.depth(emulators.sqs.deadLetterQueueUrl())).isZero();
    }

    @Test
    void anInvalidFileGetsARejectionReportAndLeavesNoMessageBehind() throws Exception {
        String kitchen = kitchen();
        emulators.putSample(kitchen + "/makes/wrong-types.json", "invalid/wrong-types.json");
        String reportKey = kitchen + "/rejected/makes/wrong-types.json.error.json";

        await().atMost(PATIENCE)
                .until(() -> emulators.keys(kitchen + "/rejected/").contains(reportKey));
        JsonNode report = json.readTree(emulators.read(reportKey));
        assertThat(report.get("key").asText()).isEqualTo(kitchen + "/makes/wrong-types.json");
        assertThat(report.get("reason").asText()).isEqualTo("invalid_document");
        assertThat(report.get("details")).isNotEmpty();
        assertThat(report.get("details").get(0).get("pointer").asText()).startsWith("/");
        assertThat(get(kitchen, "/rejections").body()).contains("wrong-types.json");
        await().atMost(PATIENCE).until(() -> emulators.depth(emulators.sqs.queueUrl()) == 0);
        assertThat(emulators.depth(emulators.sqs.deadLetterQueueUrl())).isZero();
    }

    @Test
    void whileTheApiAnswers503NothingIsLostAndEverythingIsProcessedOnceItRecovers() throws Exception {
        String kitchen = kitchen();
        proxy.failWhen(key -> key.contains("/" + kitchen + "/"));
        emulators.putSample(kitchen + "/recipes/pancakes.json", "recipes/pancakes.json");
        emulators.putSample(kitchen + "/makes/pancakes.doubled.json", "makes/pancakes.doubled.json");
        emulators.putSample(kitchen + "/makes/pancakes.no-buttermilk.json", "makes/pancakes.no-buttermilk.json");
        await().atMost(PATIENCE).until(() -> proxy.answered(503, key -> key.contains("/" + kitchen + "/")) >= 3);

        proxy.heal();

        await().atMost(PATIENCE).until(() -> makes(kitchen, 7).size() == 2);
        assertThat(get(kitchen, "/recipes/7").statusCode()).isEqualTo(200);
        assertThat(emulators.depth(emulators.sqs.deadLetterQueueUrl())).isZero();
        assertThat(emulators.keys(kitchen + "/rejected/")).isEmpty();
    }

    @Test
    void keysWithSpacesAndUnicodeGoAllTheWayThrough() throws Exception {
        String kitchen = kitchen();
        emulators.putSample(kitchen + "/recipes/Grandma’s apple pie (1).json", "recipes/apple-pie.json");
        await().atMost(PATIENCE).until(() -> get(kitchen, "/recipes/2").statusCode() == 200);

        emulators.putSample(
                kitchen + "/makes/crème brûlée — 2nd try + more.json", "makes/apple-pie.more-cinnamon-hotter.json");

        await().atMost(PATIENCE).until(() -> onlyMake(kitchen, 2) != null);
        assertThat(emulators.keys(kitchen + "/rejected/")).isEmpty();
    }

    @Test
    void inABatchOfTenWithThreeBadMessagesExactlyThoseThreeAreReported() throws Exception {
        String kitchen = kitchen();
        emulators.putSample(kitchen + "/recipes/apple-pie.json", "recipes/apple-pie.json");
        List<String> goodKeys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            goodKeys.add(kitchen + "/makes/make-" + i + ".json");
            emulators.putSample(goodKeys.getLast(), "makes/apple-pie.exact.json");
        }
        String unreachableKey = kitchen + "/makes/unreachable.json";
        emulators.putSample(unreachableKey, "makes/apple-pie.exact.json");
        await().atMost(PATIENCE).until(() -> makes(kitchen, 2).size() == 8);
        // the pipeline's own deliveries of these files may still be completing their requests (a make is visible
        // before its idempotency record is completed): the batch below replays them only once each was answered,
        // otherwise a replay meets 409 request_in_progress and is, rightly, retried
        await().atMost(PATIENCE)
                .until(() -> proxy.answered(201, key -> key.contains(kitchen + "/makes/"))
                                + proxy.answered(202, key -> key.contains(kitchen + "/makes/"))
                        >= 8);
        proxy.failWhen(key -> key.contains(unreachableKey));
        JobCodec codec = new JobCodec();
        List<SQSEvent.SQSMessage> batch = new ArrayList<>();
        for (String key : goodKeys) {
            var head = emulators.s3Client.headObject(
                    b -> b.bucket(QueueEmulators.BUCKET).key(key));
            batch.add(message(
                    "good-" + batch.size(),
                    codec.encode(new Job(
                            QueueEmulators.BUCKET,
                            key,
                            null,
                            head.eTag(),
                            head.contentLength(),
                            FileKind.MAKE,
                            kitchen))));
        }
        var head = emulators.s3Client.headObject(
                b -> b.bucket(QueueEmulators.BUCKET).key(unreachableKey));
        batch.add(
                3,
                message(
                        "bad-transient",
                        codec.encode(new Job(
                                QueueEmulators.BUCKET,
                                unreachableKey,
                                null,
                                head.eTag(),
                                head.contentLength(),
                                FileKind.MAKE,
                                kitchen))));
        batch.add(6, message("bad-not-a-job", "{\"hello\":\"world\"}"));
        batch.add(message("bad-not-json", "<job/>"));
        SQSEvent event = new SQSEvent();
        event.setRecords(batch);

        SQSBatchResponse response = sender.handleRequest(event, null);

        assertThat(batch).hasSize(10);
        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder("bad-transient", "bad-not-a-job", "bad-not-json");
        assertThat(makes(kitchen, 2)).hasSize(8);
    }

    // --- helpers ---

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn(emulators.sqs.queueArn());
        return message;
    }

    private HttpResponse<String> get(String kitchen, String path) throws IOException, InterruptedException {
        String token = readTokens.computeIfAbsent(kitchen, k -> tokens.mint(k, EnumSet.of(Scope.READ), "pipeline-it")
                .token());
        return http.send(
                HttpRequest.newBuilder(URI.create(frontDoor.endpoint() + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private final java.util.Map<String, String> readTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private List<JsonNode> makes(String kitchen, long recipeId) throws Exception {
        HttpResponse<String> response = get(kitchen, "/recipes/" + recipeId + "/makes");
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        json.readTree(response.body()).path("items").forEach(items::add);
        return items;
    }

    private JsonNode onlyMake(String kitchen, long recipeId) throws Exception {
        List<JsonNode> makes = makes(kitchen, recipeId);
        return makes.size() == 1 ? makes.getFirst() : null;
    }
}
