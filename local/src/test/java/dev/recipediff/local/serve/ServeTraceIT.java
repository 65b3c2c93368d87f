package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.observability.CorrelationIds;
import dev.recipediff.local.cli.RecipediffCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One file dropped into a fresh {@code serve}: its journey is in serve's JSON log, one correlation id from the
 * watcher through the sender and the authorizer to the API, without the file's content or its key, and
 * {@code recipediff trace KEY} prints it.
 */
class ServeTraceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "default/recipes/grandmas-secret-tart.json";
    private static final String SECRET_INGREDIENT = "cardamom from the blue tin";
    private static final String RECIPE = """
            {
              "recipeName": "Grandma's Secret Tart",
              "recipeId": 41,
              "servings": 8,
              "ingredients": [
                {"ingredientId": 1, "quantity": 250, "measurement": "g", "ingredientName": "flour"},
                {"ingredientId": 2, "quantity": 1, "measurement": "tsp", "ingredientName": "%s"}
              ],
              "steps": [
                {"stepId": 1, "stepText": "Bake at 180 degrees for 25 minutes."}
              ]
            }""".formatted(SECRET_INGREDIENT);

    @TempDir
    static Path dataDir;

    private static ServeRuntime serve;
    private static List<JsonNode> lines;

    @BeforeAll
    static void dropOneFileIntoAFreshServe() throws IOException {
        serve = ServeRuntime.start(ServeOptions.of(dataDir, 0, DataDirectory.DEFAULT_KITCHEN, Optional.empty())
                .withVisibilityTimeout(Duration.ofSeconds(2)));
        ServeApiClient api = new ServeApiClient(serve);
        Path folder = dataDir.resolve("inbox/default/recipes");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("grandmas-secret-tart.json.part"), RECIPE);
        Files.move(folder.resolve("grandmas-secret-tart.json.part"), folder.resolve("grandmas-secret-tart.json"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/recipes/41").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> journeyFunctions().contains("api"));
        lines = logLines();
    }

    @AfterAll
    static void stopServe() {
        if (serve != null) {
            serve.close();
        }
    }

    private static List<JsonNode> logLines() throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("logs/serve.jsonl"), StandardCharsets.UTF_8)) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    private static String correlationId() throws IOException {
        String hash = CorrelationIds.keyHash(KEY);
        return logLines().stream()
                .filter(line -> hash.equals(line.path("keyHash").asText()))
                .map(line -> line.path("correlationId").asText())
                .filter(id -> !id.isEmpty())
                .findFirst()
                .orElse("none");
    }

    private static Set<String> journeyFunctions() throws IOException {
        String id = correlationId();
        return logLines().stream()
                .filter(line -> id.equals(line.path("correlationId").asText()))
                .map(line -> line.path("function").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void everyLineIsAJsonObjectWithTimestampLevelAndEvent() {
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("timestamp").asText()).isNotEmpty();
            assertThat(line.path("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.path("event").asText()).isNotEmpty();
        });
    }

    @Test
    void watcherSenderAuthorizerAndApiLogTheFileUnderOneCorrelationId() throws IOException {
        assertThat(correlationId()).matches("f-[0-9a-f]{32}");
        assertThat(journeyFunctions()).contains("watcher", "sender", "authorizer", "api");
    }

    @Test
    void noLineHoldsTheFilesContentOrItsKey() throws IOException {
        String log = Files.readString(dataDir.resolve("logs/serve.jsonl"));

        assertThat(log)
                .doesNotContain(SECRET_INGREDIENT)
                .doesNotContain("Secret Tart")
                .doesNotContain("grandmas-secret-tart");
    }

    @Test
    void traceByKeyPrintsTheJourneyInTimeOrder() {
        StringWriter out = new StringWriter();
        CommandLine cli = RecipediffCli.commandLine().setOut(new PrintWriter(out));

        int exit = cli.execute("trace", "--data-dir", dataDir.toString(), KEY);

        assertThat(exit).isZero();
        List<String> printed = out.toString().lines().toList();
        assertThat(printed.getFirst()).contains("watcher");
        assertThat(out.toString())
                .contains("sender")
                .contains("authorizer")
                .contains("api")
                .doesNotContain(SECRET_INGREDIENT);
    }

    @Test
    void traceOfAFileNobodyUploadedSaysSoAndFails() {
        StringWriter err = new StringWriter();
        CommandLine cli = RecipediffCli.commandLine().setErr(new PrintWriter(err));

        int exit = cli.execute("trace", "--data-dir", dataDir.toString(), "default/makes/never-uploaded.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no log line");
    }
}
