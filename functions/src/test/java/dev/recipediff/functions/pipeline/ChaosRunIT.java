package dev.recipediff.functions.pipeline;

import dev.recipediff.functions.operations.PipelineRepairs;
import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.functions.lambda.SenderHandler;
import dev.recipediff.functions.lambda.WatcherHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.glue.S3NotificationDispatcher;
import dev.recipediff.emulators.glue.SqsPoller;
import dev.recipediff.emulators.glue.SqsPollerSettings;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.core.testing.SampleFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9 §1 (the suite's small version): a pipeline run of {@code -Drecipediff.chaos.files} files (default 200)
 * — recipes and makes in random order (makes often before their recipes), 10 % invalid, 5 % re-uploaded under
 * the same key and some with the same content under a new key — while faults are injected:
 * <ol>
 *   <li>the API answers 503 for a window (fault-injecting proxy between sender and front door, test code);</li>
 *   <li>the SQS poller is killed (no grace) and restarted;</li>
 *   <li>dynalite (with a data directory) is killed and restarted on a new port behind a stable TCP forwarder;</li>
 *   <li>the glue of one-machine mode is stopped gracefully (event source with grace, notification dispatcher,
 *       front door) and started again — what {@code serve} does on SIGTERM, at component level;</li>
 *   <li>5 % of the S3 notifications are dropped throughout; {@link Reconciler} runs at the end.</li>
 * </ol>
 * Then every uploaded object is accounted for: exactly one terminal state each (recipe stored, make stored
 * once, rejection report, DLQ). The table is printed; the goal — asserted — is 0 lost, 0 duplicated.
 */
class ChaosRunIT {

    private static final int FILES = Integer.getInteger("recipediff.chaos.files", 200);
    private static final String TABLE = "chaos";
    private static final String KITCHEN = "chaos";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofMinutes(4);

    @TempDir
    static Path dynaliteData;

    private static QueueEmulators emulators;
    private static DynaliteProcess dynalite;
    private static TcpForwarder dynamoDb;
    private static ApiGatewayFrontDoor frontDoor;
    private static FaultInjectingProxy proxy;
    private static volatile S3NotificationDispatcher notifications;
    private static SqsPoller eventSource;
    private static FunctionsConfig apiConfig;
    private static FunctionsConfig config;
    private static String readToken;
    private static final Random RANDOM = new Random(42);
    private static final AtomicInteger DROPPED_NOTIFICATIONS = new AtomicInteger();
    private static volatile boolean dropSome = true;
    private static final List<String> FAULTS = new ArrayList<>();

    /** What each uploaded key should end as. */
    enum Kind { RECIPE, MAKE, INVALID }

    record Upload(String key, Kind kind, long recipeId, byte[] body) {
    }

    private static final Map<String, Upload> UPLOADS = new LinkedHashMap<>();
    private static int reuploads;
    private static Reconciler.Result reconciled;
    private static Instant claimsStrandedUntil = Instant.MIN;
    private static Accounting accounting;

    @BeforeAll
    static void run() throws Exception {
        emulators = QueueEmulators.start(Duration.ofSeconds(2));
        dynalite = DynaliteProcess.start(DynaliteProcess.Options.inMemory().withDataDir(dynaliteData));
        dynamoDb = TcpForwarder.to(dynalite.port());
        URI dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoDb.port());
        apiConfig = emulators.config(Optional.empty(), Optional.empty(), Optional.of(TABLE), Optional.of(dynamoEndpoint));
        RecipeTable table = new RecipeTable(new AwsClients(apiConfig).dynamoDb(), TABLE);
        table.createIfMissing();
        TokenService tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        readToken = tokens.mint(KITCHEN, EnumSet.of(Scope.READ), "chaos").token();
        frontDoor = startFrontDoor(0);
        proxy = FaultInjectingProxy.inFrontOf(frontDoor.endpoint());
        config = emulators.config(Optional.of(proxy.endpoint()),
                Optional.of(tokens.mintServiceToken("pipeline", "sender").token()), Optional.of(TABLE),
                Optional.of(dynamoEndpoint));
        startGlue();
        emulators.notify(ChaosRunIT::deliverMostNotifications);

        List<Upload> plan = plan(FILES);
        int batches = 6;
        int perBatch = (plan.size() + batches - 1) / batches;
        for (int batch = 0; batch < batches; batch++) {
            List<Upload> now = plan.subList(Math.min(plan.size(), batch * perBatch), Math.min(plan.size(), (batch + 1) * perBatch));
            now.forEach(ChaosRunIT::upload);
            switch (batch) {
                case 0 -> apiAnswers503For(Duration.ofSeconds(3));
                case 1 -> killAndRestartThePoller();
                case 2 -> killAndRestartDynalite();
                case 3 -> stopAndRestartGracefully();
                case 4 -> reuploadSome();
                default -> { }
            }
        }
        dropSome = false;
        awaitQuiet();
        reconciled = PipelineRepairs.reconciler(config, emulators.sqs.deadLetterQueueUrl()).reconcile(Duration.ZERO);
        FAULTS.add("reconcile: " + reconciled);
        awaitQuiet();
        redriveOnceStrandedClaimsExpired();
        accounting = account();
        System.out.println(accounting.table());
    }

    @AfterAll
    static void stop() throws Exception {
        if (eventSource != null) {
            eventSource.stop(Duration.ofSeconds(5));
        }
        if (notifications != null) {
            notifications.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (frontDoor != null) {
            frontDoor.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
        if (emulators != null) {
            emulators.close();
        }
    }

    // --- the plan ---

    private static List<Upload> plan(int files) throws Exception {
        int recipes = Math.max(4, files / 8);
        List<Upload> plan = new ArrayList<>();
        JsonNode base = JSON.readTree(SampleFiles.text("recipes/pancakes.json"));
        for (int r = 0; r < recipes; r++) {
            long recipeId = 1000 + r;
            ObjectNode recipe = base.deepCopy();
            recipe.put("recipeId", recipeId).put("recipeName", "Chaos recipe " + r);
            plan.add(new Upload(KITCHEN + "/recipes/recipe-" + r + ".json", Kind.RECIPE, recipeId, bytes(recipe)));
        }
        int invalid = files / 10;
        for (int i = 0; i < invalid; i++) {
            String body = i % 2 == 0 ? "{\"recipeName\": \"truncated" : SampleFiles.text("invalid/negative-quantity.json");
            String folder = i % 3 == 0 ? "recipes" : "makes";
            plan.add(new Upload(KITCHEN + "/" + folder + "/invalid-" + i + ".json", Kind.INVALID, -1,
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        for (int m = 0; plan.size() < files; m++) {
            long recipeId = 1000 + RANDOM.nextInt(recipes);
            ObjectNode make = base.deepCopy();
            make.put("recipeId", recipeId).put("recipeName", "Chaos recipe " + (recipeId - 1000))
                    .put("servings", 1 + RANDOM.nextInt(12)).put("notes", "make " + m);
            plan.add(new Upload(KITCHEN + "/makes/make-" + m + ".json", Kind.MAKE, recipeId, bytes(make)));
        }
        Collections.shuffle(plan, RANDOM);
        return plan;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void upload(Upload upload) {
        UPLOADS.put(upload.key(), upload);
        emulators.put(upload.key(), upload.body());
    }

    // --- the faults ---

    private static void deliverMostNotifications(S3Event event) {
        if (dropSome && RANDOM.nextInt(100) < 5) {
            DROPPED_NOTIFICATIONS.incrementAndGet();
            return;
        }
        notifications.onEvent(event);
    }

    private static void apiAnswers503For(Duration window) throws InterruptedException {
        proxy.failEverything();
        Thread.sleep(window.toMillis());
        proxy.heal();
        FAULTS.add("API answered 503 for " + window.toSeconds() + " s");
    }

    private static void killAndRestartThePoller() {
        eventSource.stop(Duration.ZERO);
        eventSource = newEventSource().start();
        FAULTS.add("SQS poller killed (no grace) and restarted");
    }

    private static void killAndRestartDynalite() throws InterruptedException {
        claimsStrandedUntil = Instant.now().plus(ApiHandler.IDEMPOTENCY_LEASE).plusSeconds(1);
        dynalite.close();
        dynamoDb.cut();
        Thread.sleep(2_000); // the outage: requests meanwhile find no database
        dynalite = DynaliteProcess.start(DynaliteProcess.Options.inMemory().withDataDir(dynaliteData));
        dynamoDb.retarget(dynalite.port());
        FAULTS.add("dynalite killed and restarted (same data directory, new port behind the forwarder)");
    }

    private static void stopAndRestartGracefully() throws Exception {
        int port = frontDoor.port();
        eventSource.stop(Duration.ofSeconds(10));
        notifications.close();
        frontDoor.stop(Duration.ofSeconds(5));
        frontDoor = startFrontDoor(port);
        startGlue();
        FAULTS.add("one-machine glue stopped gracefully (event source, notifications, front door) and restarted");
    }

    private static void reuploadSome() {
        List<Upload> valid = UPLOADS.values().stream().filter(u -> u.kind() != Kind.INVALID).toList();
        int count = Math.max(2, FILES / 20);
        for (int i = 0; i < count; i++) {
            Upload again = valid.get(RANDOM.nextInt(valid.size()));
            if (i % 2 == 0) {
                emulators.put(again.key(), again.body());
            } else if (again.kind() == Kind.MAKE) {
                upload(new Upload(again.key().replace(".json", "-copy.json"), Kind.MAKE, again.recipeId(), again.body()));
            } else {
                upload(new Upload(again.key().replace(".json", "-copy.json"), Kind.RECIPE, again.recipeId(), again.body()));
            }
            reuploads++;
        }
        FAULTS.add(reuploads + " re-uploads (same key, or same content under a new key)");
    }

    private static ApiGatewayFrontDoor startFrontDoor(int port) throws Exception {
        return ApiGatewayFrontDoor.start(ApiGatewayFrontDoorSettings.of(port, Set.of("/openapi.json"),
                        List.of("authorization", "x-recipediff-kitchen"), Duration.ofSeconds(60)),
                new AuthorizerHandler(apiConfig), new ApiHandler(apiConfig));
    }

    private static void startGlue() {
        notifications = S3NotificationDispatcher.withDefaultRetries("watcher", new WatcherHandler(config));
        eventSource = newEventSource().start();
    }

    private static SqsPoller newEventSource() {
        return new SqsPoller(emulators.sqsClient, SqsPollerSettings.of("sender", emulators.sqs.queueUrl(),
                emulators.sqs.queueArn(), "us-east-1"), new SenderHandler(config));
    }

    /**
     * A request that died with dynalite cannot release its idempotency claim: it holds for the lease, and the
     * job's retries meanwhile get 409 request_in_progress until its five receives (2 s apart here; 360 s on
     * AWS) put it in the DLQ — even when its effect was applied. What an operator does then: redrive once the
     * lease expired; the retry replays the stored answer and the job leaves the DLQ.
     */
    private static void redriveOnceStrandedClaimsExpired() throws InterruptedException {
        if (emulators.depth(emulators.sqs.deadLetterQueueUrl()) == 0) {
            return;
        }
        Duration untilExpired = Duration.between(Instant.now(), claimsStrandedUntil);
        if (!untilExpired.isNegative()) {
            Thread.sleep(untilExpired.toMillis());
        }
        new SqsRedriver(config, emulators.sqs.deadLetterQueueUrl()).redrive();
        awaitQuiet();
    }

    private static void awaitQuiet() {
        await().atMost(QUIET).pollInterval(Duration.ofSeconds(1))
                .until(() -> emulators.depth(emulators.sqs.queueUrl()) == 0);
    }

    // --- the accounting ---

    record Accounting(Map<Kind, int[]> rows, int lost, int duplicated, List<String> problems) {
        static final String[] COLUMNS = {"uploaded", "recipe stored", "makes stored", "rejection report", "DLQ", "lost", "duplicated"};

        String table() {
            StringBuilder out = new StringBuilder("chaos run: " + UPLOADS.size() + " objects (" + reuploads
                    + " re-uploads), " + DROPPED_NOTIFICATIONS.get() + " notifications dropped\nfaults: " + FAULTS + "\n");
            out.append("%-8s".formatted("kind"));
            for (String column : COLUMNS) {
                out.append("%18s".formatted(column));
            }
            out.append('\n');
            rows.forEach((kind, row) -> {
                out.append("%-8s".formatted(kind));
                for (int value : row) {
                    out.append("%18d".formatted(value));
                }
                out.append('\n');
            });
            out.append("lost ").append(lost).append(", duplicated ").append(duplicated);
            problems.forEach(p -> out.append("\n  ").append(p));
            return out.toString();
        }
    }

    private static Accounting account() throws Exception {
        Set<String> inDeadLetterQueue = new java.util.HashSet<>();
        for (var message : emulators.drain(emulators.sqs.deadLetterQueueUrl())) {
            inDeadLetterQueue.add(JSON.readTree(message.body()).path("key").asText());
        }
        Map<Kind, int[]> rows = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            rows.put(kind, new int[Accounting.COLUMNS.length]);
        }
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        Map<Long, Integer> expectedMakes = new HashMap<>();
        for (Upload upload : UPLOADS.values()) {
            int[] row = rows.get(upload.kind());
            row[0]++;
            boolean report = hasReport(upload.key());
            boolean dlq = inDeadLetterQueue.contains(upload.key());
            if (report) {
                row[3]++;
            }
            if (dlq) {
                row[4]++;
            }
            switch (upload.kind()) {
                case INVALID -> {
                    if (!report && !dlq) {
                        lost++;
                        row[5]++;
                        problems.add("no terminal state: " + upload.key());
                    }
                }
                case RECIPE -> {
                    boolean stored = get("/recipes/" + upload.recipeId()).statusCode() == 200;
                    if (stored) {
                        row[1]++;
                    }
                    if (!stored && !dlq) {
                        lost++;
                        row[5]++;
                        problems.add("recipe not stored: " + upload.key());
                    }
                    if (report) {
                        problems.add("a valid recipe got a rejection report: " + upload.key());
                    }
                    if (stored && dlq) {
                        problems.add("note: stored, and a stale duplicate job of it is in the DLQ: " + upload.key());
                    }
                }
                case MAKE -> {
                    if (!dlq) {
                        expectedMakes.merge(upload.recipeId(), 1, Integer::sum);
                    }
                    if (report) {
                        problems.add("a valid make got a rejection report: " + upload.key());
                    }
                }
            }
        }
        int[] makes = rows.get(Kind.MAKE);
        for (Map.Entry<Long, Integer> expected : expectedMakes.entrySet()) {
            int stored = makeCount(expected.getKey());
            makes[2] += stored;
            if (stored < expected.getValue()) {
                lost += expected.getValue() - stored;
                makes[5] += expected.getValue() - stored;
                problems.add("recipe " + expected.getKey() + ": " + stored + " makes stored, " + expected.getValue() + " uploaded");
            } else if (stored > expected.getValue()) {
                duplicated += stored - expected.getValue();
                problems.add("recipe " + expected.getKey() + ": " + stored + " makes stored, " + expected.getValue() + " uploaded");
            }
        }
        makes[6] = duplicated;
        return new Accounting(rows, lost, duplicated, problems);
    }

    private static boolean hasReport(String key) {
        try {
            emulators.read(BucketLayout.rejectionReportKey(key));
            return true;
        } catch (NoSuchKeyException none) {
            return false;
        }
    }

    private static int makeCount(long recipeId) throws Exception {
        int count = 0;
        String next = null;
        do {
            HttpResponse<String> page = get("/recipes/" + recipeId + "/makes?limit=100" + (next == null ? "" : "&next=" + next));
            if (page.statusCode() != 200) {
                return count;
            }
            JsonNode body = JSON.readTree(page.body());
            count += body.path("items").size();
            next = body.path("next").isTextual() ? body.path("next").asText() : null;
        } while (next != null);
        return count;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(frontDoor.endpoint() + path))
                        .header("Authorization", "Bearer " + readToken).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- the behaviours ---

    @Test
    void everyUploadedObjectReachesATerminalStateAndNoneIsLost() {
        assertThat(accounting.lost()).as(accounting.table()).isZero();
    }

    @Test
    void noMakeIsStoredTwice() {
        assertThat(accounting.duplicated()).as(accounting.table()).isZero();
    }

    @Test
    void validFilesAreNeverReportedAsRejected() {
        assertThat(accounting.problems()).as(accounting.table()).noneMatch(p -> p.startsWith("a valid"));
    }

    @Test
    void everyFaultWasInjected() {
        assertThat(FAULTS).hasSize(6);
        assertThat(DROPPED_NOTIFICATIONS.get()).isPositive();
        assertThat(reconciled.requeued()).as("the dropped notifications were found by reconcile")
                .isGreaterThanOrEqualTo(1);
    }
}
