package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.glue.S3NotificationDispatcher;
import dev.recipediff.emulators.glue.SqsPoller;
import dev.recipediff.emulators.glue.SqsPollerSettings;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.lambda.SenderHandler;
import dev.recipediff.functions.lambda.WatcherHandler;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.HostileCorpus;
import dev.recipediff.functions.testing.HostileCorpus.Expectation;
import dev.recipediff.functions.testing.HostileCorpus.HostileCase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 9 §2(b): hostile files dropped into the bucket go through the whole pipeline (S3Proxy → watcher →
 * ElasticMQ → sender → front door → API → dynalite) and each one ends as a rejection report at
 * {@code {kitchen}/rejected/{rest}.error.json} naming the file, with JSON pointers — none is lost, none reaches
 * the DLQ. Files with hostile keys ({@code ../}, very long keys, look-alike kitchen names) are dropped too.
 *
 * <p>The suite drops a sample spread over every must-refuse category ({@code -Drecipediff.hostile.bucket.sample},
 * default 120); {@code -Drecipediff.hostile.bucket.sample=0} drops every must-refuse case of the corpus.
 */
@ExtendWith(DynaliteExtension.class)
class HostileInputBucketIT {

    private static final int SAMPLE = Integer.getInteger("recipediff.hostile.bucket.sample", 120);
    private static final String TABLE = "hostile-bucket";
    private static final String KITCHEN = "hostile-files";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QueueEmulators emulators;
    private static ApiGatewayFrontDoor frontDoor;
    private static S3NotificationDispatcher notifications;
    private static SqsPoller eventSource;
    /** file key → where its rejection report must appear */
    private static final Map<String, String> DROPPED = new LinkedHashMap<>();

    private static final Map<String, JsonNode> REPORTS = new ConcurrentHashMap<>();
    /** hostile keys the bucket itself (S3Proxy) refused to store, with the status it answered */
    private static final Map<String, Integer> REFUSED_BY_BUCKET = new LinkedHashMap<>();

    private static long elapsedMillis;
    private static final List<String> HOSTILE_KEYS_STORED = new ArrayList<>();

    @BeforeAll
    static void dropTheFiles(DynaliteProcess dynalite) throws Exception {
        emulators = QueueEmulators.start(Duration.ofSeconds(2));
        FunctionsConfig apiConfig = emulators.config(
                Optional.empty(), Optional.empty(), Optional.of(TABLE), Optional.of(dynalite.endpoint()));
        RecipeTable table = new RecipeTable(new AwsClients(apiConfig).dynamoDb(), TABLE);
        table.createIfMissing();
        TokenService tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        frontDoor = ApiGatewayFrontDoor.start(
                ApiGatewayFrontDoorSettings.of(
                        0,
                        Set.of("/openapi.json"),
                        List.of("authorization", Identity.KITCHEN_HEADER),
                        Duration.ofSeconds(60)),
                new AuthorizerHandler(apiConfig),
                new ApiHandler(apiConfig));
        FunctionsConfig config = emulators.config(
                Optional.of(frontDoor.endpoint()),
                Optional.of(tokens.mintServiceToken("pipeline", "sender").token()),
                Optional.of(TABLE),
                Optional.of(dynalite.endpoint()));
        notifications = S3NotificationDispatcher.withDefaultRetries("watcher", new WatcherHandler(config));
        emulators.notify(notifications::onEvent);
        eventSource = new SqsPoller(
                        emulators.sqsClient,
                        SqsPollerSettings.of("sender", emulators.sqs.queueUrl(), emulators.sqs.queueArn(), "us-east-1"),
                        new SenderHandler(config))
                .start();

        List<HostileCase> mustRefuse = HostileCorpus.generate(9, 5_200).stream()
                .filter(c -> c.expectation() == Expectation.REJECTED)
                .toList();
        List<HostileCase> dropped = SAMPLE <= 0 ? mustRefuse : HostileCorpus.sample(mustRefuse, SAMPLE);
        long started = System.nanoTime();
        for (HostileCase hostile : dropped) {
            String folder = hostile.target() == HostileCorpus.Target.RECIPE ? "recipes" : "makes";
            drop(KITCHEN + "/" + folder + "/" + hostile.id() + ".json", hostile.body());
        }
        byte[] invalid = "{\"recipeName\": 12".getBytes();
        for (String key : List.of(
                KITCHEN + "/recipes/../../../etc/passwd.json",
                KITCHEN + "/makes/..%2F..%2Fescape.json",
                KITCHEN + "/recipes/./dot.json",
                KITCHEN + "/recipes/" + "k".repeat(900) + ".json",
                "kitсhen/recipes/look-alike-kitchen.json",
                "Kitchen/recipes/upper-case-kitchen.json",
                KITCHEN + "/rеcipes/look-alike-folder.json")) {
            try {
                drop(key, invalid);
                HOSTILE_KEYS_STORED.add(key);
            } catch (S3Exception refused) {
                REFUSED_BY_BUCKET.put(key, refused.statusCode());
            }
        }
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(DROPPED.keySet());
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (String key : List.copyOf(waiting)) {
                        readReport(DROPPED.get(key)).ifPresent(report -> {
                            REPORTS.put(key, report);
                            waiting.remove(key);
                        });
                    }
                    return waiting.isEmpty();
                });
        elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("hostile corpus through the bucket: " + DROPPED.size() + " files, " + REPORTS.size()
                + " rejection reports in " + elapsedMillis + " ms; refused by the bucket itself: " + REFUSED_BY_BUCKET);
    }

    private static void drop(String key, byte[] body) {
        emulators.put(key, body);
        DROPPED.put(key, BucketLayout.rejectionReportKey(key));
    }

    private static Optional<JsonNode> readReport(String reportKey) {
        try {
            return Optional.of(JSON.readTree(emulators.read(reportKey)));
        } catch (NoSuchKeyException notYet) {
            return Optional.empty();
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (eventSource != null) {
            eventSource.stop(Duration.ofSeconds(5));
        }
        if (notifications != null) {
            notifications.close();
        }
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (emulators != null) {
            emulators.close();
        }
    }

    @Test
    void everyHostileFileGetsExactlyItsRejectionReport() {
        assertThat(REPORTS.keySet()).containsExactlyInAnyOrderElementsOf(DROPPED.keySet());
        assertThat(REPORTS).allSatisfy((key, report) -> {
            assertThat(report.path("key").asText()).isEqualTo(key);
            assertThat(report.path("reason").asText()).isNotBlank();
            assertThat(report.path("rejectedAt").asText()).isNotBlank();
        });
    }

    @Test
    void aHostileKeyIsEitherRefusedByTheBucketOrGetsItsReport() {
        assertThat(REFUSED_BY_BUCKET.values())
                .allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(REFUSED_BY_BUCKET.size() + HOSTILE_KEYS_STORED.size()).isEqualTo(7);
        assertThat(REPORTS).containsKeys(HOSTILE_KEYS_STORED.toArray(String[]::new));
    }

    @Test
    void reportsOfInvalidDocumentsPointAtTheProblem() {
        List<JsonNode> documentReports = new ArrayList<>(REPORTS.values().stream()
                .filter(r -> Set.of("invalid_json", "invalid_document")
                        .contains(r.path("reason").asText()))
                .toList());
        assertThat(documentReports).isNotEmpty().allSatisfy(report -> assertThat(report.path("details"))
                .as(report.toString())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.path("pointer").asText()).matches("(?s)|/.*")));
    }

    @Test
    void nothingIsLeftInTheQueueOrTheDeadLetterQueue() {
        await().atMost(Duration.ofSeconds(30)).until(() -> emulators.depth(emulators.sqs.queueUrl()) == 0);
        assertThat(emulators.depth(emulators.sqs.deadLetterQueueUrl())).isZero();
    }
}
