package dev.recipediff.functions.adapters.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.recipediff.functions.pipeline.RecipeApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRecipeApiTest {

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/recipes", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.getFirst()));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"makeId\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/conflict/recipes", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"error\":\"conflict\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(409, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/moved/recipes", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", baseUrl() + "/recipes");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        never.countDown();
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aMakeIsPostedWithTheServiceTokenTheKitchenAndTheIdempotencyKey() {
        RecipeApi api = new HttpRecipeApi(baseUrl() + "/", () -> "rdt.service.secret");

        RecipeApi.Response response = api.addMake(
                "default", 2, "{\"recipeId\":2}".getBytes(StandardCharsets.UTF_8), "files/default/makes/pie.json/e1");

        assertThat(response.status()).isEqualTo(201);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"makeId\":1}");
        assertThat(seen)
                .containsEntry("method", "POST")
                .containsEntry("path", "/recipes/2/makes")
                .containsEntry("authorization", "Bearer rdt.service.secret")
                .containsEntry("x-recipediff-kitchen", "default")
                .containsEntry("idempotency-key", "files/default/makes/pie.json/e1")
                .containsEntry("content-type", "application/json")
                .containsEntry("body", "{\"recipeId\":2}");
    }

    @Test
    void anUpdateIsAPutOnRecipes() {
        new HttpRecipeApi(baseUrl(), () -> "t").updateRecipe("default", new byte[] {'{', '}'}, "k#update");

        assertThat(seen).containsEntry("method", "PUT").containsEntry("path", "/recipes");
    }

    @Test
    void anApiThatDoesNotAnswerInTimeIsUnreachable() {
        RecipeApi api =
                new HttpRecipeApi(baseUrl() + "/slow", () -> "t", Duration.ofSeconds(1), Duration.ofMillis(300));

        assertThatThrownBy(() -> api.addRecipe("default", new byte[] {'{', '}'}, "k"))
                .isInstanceOf(RecipeApi.UnreachableException.class);
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RecipeApi api = new HttpRecipeApi("http://127.0.0.1:" + closedPort, () -> "t");

        assertThatThrownBy(() -> api.addRecipe("default", new byte[] {'{', '}'}, "k"))
                .isInstanceOf(RecipeApi.UnreachableException.class);
    }

    @Test
    void anErrorAnswerKeepsItsStatusAndBody() {
        RecipeApi.Response response =
                new HttpRecipeApi(baseUrl() + "/conflict", () -> "t").addRecipe("default", new byte[] {'{', '}'}, "k");

        assertThat(response.status()).isEqualTo(409);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"conflict\"}");
    }

    @Test
    void aRedirectIsAnsweredNotFollowed() {
        RecipeApi.Response response =
                new HttpRecipeApi(baseUrl() + "/moved", () -> "t").addRecipe("default", new byte[] {'{', '}'}, "k");

        assertThat(response.status()).isEqualTo(307);
        assertThat(seen).doesNotContainKey("method");
    }
}
