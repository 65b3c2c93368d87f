package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.testing.SampleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code serve} in-process on ephemeral ports with a temporary data directory: the samples go in through the
 * inbox folder and the S3 API, and come out of the HTTP API as the samples' README says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeEndToEndIT {

    private static final int APPLE_PIE = 2;
    private static final int PANCAKES = 7;
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static ServeRuntime serve;
    private static ServeApiClient api;

    @BeforeAll
    static void startServe() throws IOException {
        serve = ServeRuntime.start(options());
        api = new ServeApiClient(serve);
    }

    @AfterAll
    static void stopServe() {
        if (serve != null) {
            serve.close();
        }
    }

    private static ServeOptions options() {
        return ServeOptions.of(dataDir, 0, DataDirectory.DEFAULT_KITCHEN, Optional.empty())
                .withVisibilityTimeout(Duration.ofSeconds(2));
    }

    @Test
    @Order(1)
    void theReadyLineNamesTheEndpointsAndTheAbsoluteInbox() {
        assertThat(serve.readyLine())
                .matches("ready api=http://127\\.0\\.0\\.1:\\d+ inbox=/\\S+/inbox "
                        + "s3=http://127\\.0\\.0\\.1:\\d+ sqs=http://127\\.0\\.0\\.1:\\d+");
        assertThat(serve.readyLine()).contains("inbox=" + dataDir.toAbsolutePath() + "/inbox");
    }

    @Test
    @Order(2)
    void makesDroppedIntoTheInboxAndUploadedThroughS3ShowTheirDifferences() throws IOException {
        drop("recipes/apple-pie.json", "default/recipes");
        drop("makes/apple-pie.exact.json", "default/makes");
        upload("makes/apple-pie.more-cinnamon-hotter.json", "default/makes/apple-pie.more-cinnamon-hotter.json");
        upload("makes/apple-pie.same-in-teaspoons.json", "default/makes/apple-pie.same-in-teaspoons.json");

        List<JsonNode> makes = awaitMakes(APPLE_PIE, 3);

        JsonNode exact = differencesOfMakeLike(APPLE_PIE, makes, "makes/apple-pie.exact.json");
        assertThat(exact).isEmpty();
        JsonNode hotter = differencesOfMakeLike(APPLE_PIE, makes, "makes/apple-pie.more-cinnamon-hotter.json");
        assertThat(hotter.toString()).containsIgnoringCase("cinnamon");
        assertThat(hotter.size()).isEqualTo(4);
        JsonNode teaspoons = differencesOfMakeLike(APPLE_PIE, makes, "makes/apple-pie.same-in-teaspoons.json");
        assertThat(teaspoons)
                .as("1.5 tsp = 0.5 TBS and 12 tbsp = 0.75 cup: no real change")
                .isEmpty();
    }

    @Test
    @Order(3)
    void anInvalidFileYieldsARejectionReport() throws IOException {
        drop("invalid/truncated.json", "default/makes");

        await().atMost(PIPELINE).until(() -> api.get("/rejections")
                .map(body -> body.get("items").toString().contains("default/makes/truncated.json"))
                .orElse(false));
    }

    @Test
    @Order(4)
    void aMakeDroppedBeforeItsRecipeIsComparedOnceTheRecipeArrives() throws IOException {
        drop("makes/pancakes.doubled.json", "default/makes");
        await().atMost(PIPELINE)
                .until(() -> !Files.exists(dataDir.resolve("inbox/default/makes/pancakes.doubled.json")));

        drop("recipes/pancakes.json", "default/recipes");

        List<JsonNode> makes = awaitMakes(PANCAKES, 1);
        JsonNode doubled = api.get("/recipes/" + PANCAKES + "/makes/"
                        + makes.getFirst().get("makeId").asLong() + "/differences")
                .orElseThrow();
        assertThat(doubled.size()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void protectedRoutesNeedAToken() throws Exception {
        assertThat(api.statusWithoutToken("/recipes")).isEqualTo(401);
    }

    @Test
    @Order(6)
    void submitUploadsThroughTheS3EndpointAndTheRecipeAppears() throws IOException {
        Path shakshuka =
                dataDir.resolveSibling(dataDir.getFileName() + "-submit").resolve("shakshuka.jsonld");
        Files.createDirectories(shakshuka.getParent());
        try (InputStream in = new java.io.ByteArrayInputStream(SampleFiles.bytes("recipes/shakshuka.jsonld"))) {
            Files.copy(in, shakshuka);
        }

        var run = cli("submit", "--data-dir", dataDir.toString(), shakshuka.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("submitted 1 file(s)");
        await().atMost(PIPELINE).until(() -> api.get("/recipes")
                .map(body -> body.get("items")
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("shakshuka"))
                .orElse(false));
    }

    @Test
    @Order(7)
    void statusShowsTheQueuesAndTheFilesPerKitchen() {
        var run = cli("status", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("jobs queue: ")
                .contains("dead-letter queue: 0")
                .containsPattern("kitchen default: \\d+ recipe files, \\d+ make files, [1-9]\\d* rejections");
    }

    @Test
    @Order(8)
    void tokenMintPrintsATokenTheApiAccepts() throws Exception {
        var run = cli("token", "mint", "--data-dir", dataDir.toString(), "--scopes", "read");

        assertThat(run.exitCode()).isZero();
        String token = run.out().strip();
        assertThat(token).startsWith("rdt.");
        assertThat(api.statusWith(token, "/recipes")).isEqualTo(200);
    }

    @Test
    @Order(8)
    void auditVerifyWalksTheChainOfEverythingTheApiServed() {
        var run = cli("audit", "verify", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("audit trail of kitchen default: intact, [1-9]\\d* entries");
    }

    @Test
    @Order(9)
    void redriveWithAnEmptyDlqMovesNothing() {
        var run = cli("redrive", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("0 message(s) moved back to the jobs queue");
    }

    @Test
    @Order(10)
    void reconcileFindsEveryFileInATerminalState() {
        var run = cli("reconcile", "--data-dir", dataDir.toString(), "--older-than", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(" 0 enqueued again");
    }

    @Test
    @Order(11)
    void aRestartServesTheSameData() throws IOException {
        String recipesBefore = api.get("/recipes").orElseThrow().get("items").toString();
        int applePieMakes = awaitMakes(APPLE_PIE, 3).size();
        serve.close();

        serve = ServeRuntime.start(options());
        api = new ServeApiClient(serve);

        assertThat(api.get("/recipes").orElseThrow().get("items").toString()).isEqualTo(recipesBefore);
        assertThat(awaitMakes(APPLE_PIE, 3)).hasSize(applePieMakes);
        assertThat(api.get("/rejections").orElseThrow().get("items").toString()).contains("truncated.json");
    }

    private record CliRun(int exitCode, String out, String err) {}

    private static CliRun cli(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exitCode = dev.recipediff.local.cli.RecipediffCli.commandLine()
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    private List<JsonNode> awaitMakes(int recipeId, int atLeast) {
        List<JsonNode> makes = new ArrayList<>();
        await().atMost(PIPELINE).until(() -> {
            makes.clear();
            api.get("/recipes/" + recipeId + "/makes")
                    .ifPresent(body -> body.get("items").forEach(makes::add));
            return makes.size() >= atLeast;
        });
        return makes;
    }

    /** The differences of the one make whose notes are those of the sample (makes do not keep their file name). */
    private JsonNode differencesOfMakeLike(int recipeId, List<JsonNode> makes, String sample) throws IOException {
        JsonNode expected;
        try (InputStream in = new java.io.ByteArrayInputStream(SampleFiles.bytes(sample))) {
            expected = MAPPER.readTree(in).path("notes");
        }
        for (JsonNode make : makes) {
            long makeId = make.get("makeId").asLong();
            JsonNode stored =
                    api.get("/recipes/" + recipeId + "/makes/" + makeId).orElseThrow();
            if (stored.path("notes").equals(expected)) {
                return api.get("/recipes/" + recipeId + "/makes/" + makeId + "/differences")
                        .orElseThrow();
            }
        }
        throw new AssertionError("no make like " + sample + " among " + makes);
    }

    private static void drop(String sample, String inboxFolder) throws IOException {
        Path folder = dataDir.resolve("inbox").resolve(inboxFolder);
        Files.createDirectories(folder);
        Path name = Path.of(sample).getFileName();
        Path temporary = folder.resolve(name + ".part");
        try (InputStream in = new java.io.ByteArrayInputStream(SampleFiles.bytes(sample))) {
            Files.copy(in, temporary);
        }
        Files.move(temporary, folder.resolve(name));
    }

    private static void upload(String sample, String key) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(SampleFiles.bytes(sample));
                var s3 = new dev.recipediff.functions.config.AwsClients(
                                serve.endpoints().functionsConfig(Optional.empty()))
                        .s3()) {
            s3.putObject(b -> b.bucket(serve.endpoints().bucket()).key(key), RequestBody.fromBytes(in.readAllBytes()));
        }
    }
}
