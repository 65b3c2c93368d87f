package dev.recipediff.functions.apiclient;

import dev.recipediff.functions.pipeline.RecipeApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Recipe API over HTTP with the JDK client: the service token as bearer, the kitchen in
 * {@code X-Recipediff-Kitchen}, the job's {@code Idempotency-Key}. Connection failures and timeouts become
 * {@link RecipeApi.UnreachableException}.
 */
public final class HttpRecipeApi implements RecipeApi {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<String> serviceToken;
    private final Duration requestTimeout;

    public HttpRecipeApi(String baseUrl, Supplier<String> serviceToken) {
        this(baseUrl, serviceToken, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpRecipeApi(String baseUrl, Supplier<String> serviceToken, Duration connectTimeout, Duration requestTimeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the API base URL is not configured (API_BASE_URL)");
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.serviceToken = serviceToken;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Response addRecipe(String kitchen, byte[] body, String idempotencyKey) {
        return send("POST", "/recipes", kitchen, body, idempotencyKey);
    }

    @Override
    public Response updateRecipe(String kitchen, byte[] body, String idempotencyKey) {
        return send("PUT", "/recipes", kitchen, body, idempotencyKey);
    }

    @Override
    public Response addMake(String kitchen, long recipeId, byte[] body, String idempotencyKey) {
        return send("POST", "/recipes/" + recipeId + "/makes", kitchen, body, idempotencyKey);
    }

    private Response send(String method, String path, String kitchen, byte[] body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + serviceToken.get())
                .header("X-Recipediff-Kitchen", kitchen)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UnreachableException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(method + " " + path + " was interrupted", e);
        }
    }
}
