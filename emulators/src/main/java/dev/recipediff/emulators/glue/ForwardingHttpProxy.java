package dev.recipediff.emulators.glue;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP proxy on 127.0.0.1 that forwards every request to a target, and shows each one to a {@link Hook} that
 * may answer in the target's place and hears every answer. The one proxy behind the chaos run's API outages
 * ({@code local.chaos.ApiOutageProxy}) and the tests' proxies that watch or break the traffic between two
 * components. A target that cannot be reached is a 502; hop-by-hop headers are never passed on.
 */
public final class ForwardingHttpProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "content-length",
            "connection",
            "transfer-encoding",
            "expect",
            "upgrade",
            "keep-alive",
            "te",
            "trailer",
            "proxy-authorization",
            "proxy-connection");

    /** A request as it arrived. */
    public record Request(String method, String path, Headers headers) {}

    /** An answer given in the target's place. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public Answer(int status, byte[] body) {
            this(status, Map.of(), body);
        }
    }

    /** What a proxy does with the traffic. */
    public interface Hook {
        /** An answer in the target's place, or empty to forward the request. */
        default Optional<Answer> instead(Request request) {
            return Optional.empty();
        }

        /** Told the status of every answer, forwarded or given instead. */
        default void answered(Request request, int status) {}
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Predicate<String> returnedHeaders;
    private final Hook hook;
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile URI target;

    private ForwardingHttpProxy(URI target, Predicate<String> returnedHeaders, Hook hook) throws IOException {
        this.target = target;
        this.returnedHeaders = returnedHeaders;
        this.hook = hook;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A proxy in front of {@code target}.
     *
     * @param returnedHeaders the target's response headers passed back (lower case)
     */
    public static ForwardingHttpProxy inFrontOf(URI target, Set<String> returnedHeaders, Hook hook) throws IOException {
        return new ForwardingHttpProxy(target, name -> returnedHeaders.contains(name.toLowerCase(Locale.ROOT)), hook);
    }

    /**
     * A proxy with no target yet ({@link #forwardTo}), that passes back every end-to-end header of the target's
     * answers. Until it has a target, a request the hook does not answer is a 502.
     */
    public static ForwardingHttpProxy transparent(Hook hook) throws IOException {
        return new ForwardingHttpProxy(
                null, name -> !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":"), hook);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where requests go from now on (a target that restarts may move). */
    public void forwardTo(URI newTarget) {
        target = newTarget;
    }

    /** Requests the target answered so far. */
    public int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<Answer> instead = hook.instead(request);
            if (instead.isPresent()) {
                instead.get().headers().forEach(exchange.getResponseHeaders()::add);
                answer(exchange, request, instead.get().status(), instead.get().body());
                return;
            }
            URI to = target;
            if (to == null) {
                answer(exchange, request, 502, new byte[0]);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(
                            to.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                answer(exchange, request, 502, new byte[0]);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (returnedHeaders.test(name)) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            forwarded.incrementAndGet();
            answer(exchange, request, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, Request request, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        hook.answered(request, status);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.close();
    }
}
