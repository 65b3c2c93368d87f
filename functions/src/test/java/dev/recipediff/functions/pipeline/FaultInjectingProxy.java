package dev.recipediff.functions.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An HTTP proxy on 127.0.0.1 in front of the Recipe API that answers 503 instead of forwarding while told to:
 * for all requests, or for those whose Idempotency-Key matches. Remembers every request's key and answer.
 */
final class FaultInjectingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    /** One request as it passed. */
    record Passage(String method, String path, String idempotencyKey, int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private volatile Predicate<String> failing = key -> false;
    final List<Passage> passages = new CopyOnWriteArrayList<>();

    private FaultInjectingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FaultInjectingProxy inFrontOf(URI target) throws IOException {
        return new FaultInjectingProxy(target);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer 503 to requests whose Idempotency-Key matches, from now on. */
    void failWhen(Predicate<String> idempotencyKey) {
        failing = key -> key != null && idempotencyKey.test(key);
    }

    void failEverything() {
        failing = key -> true;
    }

    void heal() {
        failing = key -> false;
    }

    long answered(int status, Predicate<String> idempotencyKey) {
        return passages.stream().filter(p -> p.status() == status && p.idempotencyKey() != null
                && idempotencyKey.test(p.idempotencyKey())).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failing.test(key)) {
                reply(exchange, 503, "{\"error\":\"unavailable\",\"message\":\"injected fault\"}".getBytes(StandardCharsets.UTF_8));
                passages.add(new Passage(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), key, 503));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(20))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("content-type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            reply(exchange, response.statusCode(), response.body());
            passages.add(new Passage(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), key, response.statusCode()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
