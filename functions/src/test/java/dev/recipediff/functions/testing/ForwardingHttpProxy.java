package dev.recipediff.functions.testing;

import com.sun.net.httpserver.Headers;
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
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 that forwards every request to a target, and shows each one to a {@link Hook} that
 * may answer in the target's place and hears every answer: the base of the test proxies that watch or break the
 * traffic between two components.
 */
public final class ForwardingHttpProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    /** A request as it arrived. */
    public record Request(String method, String path, Headers headers) {
    }

    /** An answer given in the target's place. */
    public record Answer(int status, byte[] body) {
    }

    /** What a test proxy does with the traffic. */
    public interface Hook {
        /** An answer in the target's place, or empty to forward the request. */
        default Optional<Answer> instead(Request request) {
            return Optional.empty();
        }

        /** Told the status of every answer, forwarded or given instead. */
        default void answered(Request request, int status) {
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Set<String> returnedHeaders;
    private final Hook hook;

    private ForwardingHttpProxy(URI target, Set<String> returnedHeaders, Hook hook) throws IOException {
        this.target = target;
        this.returnedHeaders = returnedHeaders;
        this.hook = hook;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param returnedHeaders the target's response headers passed back (lower case) */
    public static ForwardingHttpProxy inFrontOf(URI target, Set<String> returnedHeaders, Hook hook) throws IOException {
        return new ForwardingHttpProxy(target, returnedHeaders, hook);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<Answer> instead = hook.instead(request);
            if (instead.isPresent()) {
                reply(exchange, instead.get().status(), instead.get().body());
                hook.answered(request, instead.get().status());
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
            response.headers().map().forEach((name, values) -> {
                if (returnedHeaders.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            reply(exchange, response.statusCode(), response.body());
            hook.answered(request, response.statusCode());
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
        client.close();
    }
}
