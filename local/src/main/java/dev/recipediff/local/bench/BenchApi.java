package dev.recipediff.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's client of the Recipe API over HTTP (one keep-alive {@link HttpClient}, bearer token).
 */
public final class BenchApi {

    /** A status and body. */
    public record Answer(int status, String body) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final String token;

    public BenchApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The bearer token this client sends (the kitchen's admin token). */
    public String token() {
        return token;
    }

    /** {@code POST /recipes}; 201 created, 409 when the id exists. */
    public Answer createRecipe(byte[] body) {
        return send(request("/recipes")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build());
    }

    /** {@code POST /recipes/{recipeId}/makes} with an Idempotency-Key, as the sender does. */
    public Answer postMake(long recipeId, byte[] body, String idempotencyKey) {
        return send(request("/recipes/" + recipeId + "/makes")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .build());
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
