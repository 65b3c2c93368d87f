package dev.recipediff.functions.adapters.apiclient;

import dev.recipediff.functions.observability.CorrelationIds;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.pipeline.RecipeApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Recipe API over HTTP: the service token as bearer, the kitchen in {@code X-Recipediff-Kitchen}, the job's
 * {@code Idempotency-Key}. Connection failures and timeouts become {@link RecipeApi.UnreachableException}.
 *
 * <p>Uses the JDK's {@link HttpURLConnection} (HTTP/1.1, keep-alive connections reused by the JDK), the same
 * transport as the AWS SDK's URL-connection client the sender loads anyway: {@code java.net.http.HttpClient}
 * cost the sender's cold start about 250 ms of CPU for its first request (its own selector thread, HTTP/2
 * machinery and several hundred classes). The request timeout bounds every wait for the API (the connection,
 * then each read of the answer); redirects are never followed; bodies are sent with a fixed length, so that a
 * request is never re-sent by the JDK on its own.
 */
public final class HttpRecipeApi implements RecipeApi {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final Supplier<String> serviceToken;
    private final int connectTimeoutMillis;
    private final int requestTimeoutMillis;

    public HttpRecipeApi(String baseUrl, Supplier<String> serviceToken) {
        this(baseUrl, serviceToken, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpRecipeApi(
            String baseUrl, Supplier<String> serviceToken, Duration connectTimeout, Duration requestTimeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the API base URL is not configured (API_BASE_URL)");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.serviceToken = serviceToken;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.requestTimeoutMillis = Math.toIntExact(requestTimeout.toMillis());
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
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(requestTimeoutMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", "Bearer " + serviceToken.get());
            connection.setRequestProperty("X-Recipediff-Kitchen", kitchen);
            connection.setRequestProperty("Idempotency-Key", idempotencyKey);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            String correlationId = LogContext.currentCorrelationId();
            if (correlationId != null) {
                connection.setRequestProperty(CorrelationIds.HEADER, correlationId);
            }
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            return new Response(status, answer(connection, status));
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new UnreachableException(method + " " + path + " failed: " + e, e);
        }
    }

    /** The whole answer, read to its end so that the connection can be reused. */
    private static byte[] answer(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }
}
