package dev.recipediff.emulators.glue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What an API Gateway HTTP API with a Lambda REQUEST authorizer (simple responses) does, on one machine: a
 * JDK HTTP server on 127.0.0.1 turns each request into a payload 2.0 {@link APIGatewayV2HTTPEvent}, asks
 * the authorizer (unless the path is public), puts the authorizer's context into
 * {@code requestContext.authorizer.lambda}, invokes the API handler and writes its response.
 *
 * <ul>
 *   <li>no {@code Authorization} header on a protected path → 401 {@code {"message":"Unauthorized"}} (as an
 *       RFC 9457 problem that keeps API Gateway's {@code message}, see {@link GatewayResponse#problemJson()})
 *       without calling the authorizer (its identity source is missing);</li>
 *   <li>authorizer says no → 403 {@code {"message":"Forbidden"}};</li>
 *   <li>authorizer or handler throws → 500 {@code {"message":"Internal Server Error"}};</li>
 *   <li>body over 10 MiB → 413 (API Gateway's payload limit).</li>
 * </ul>
 */
public final class ApiGatewayFrontDoor implements AutoCloseable {

    static {
        // The JDK's HttpServer leaves Nagle's algorithm on: a response written in two segments then waits for
        // the client's delayed ACK, ~40 ms on every larger answer (measured on GET /recipes/{id}/stats). API
        // Gateway has no such stall. Read once, when the first HttpServer of the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayFrontDoor.class);
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiGatewayEvents events;
    private final ApiGatewayFrontDoorSettings settings;
    private final PublicPaths publicPaths;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile LambdaAuthorizer authorizer;
    private volatile RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;

    private ApiGatewayFrontDoor(HttpServer server, ApiGatewayFrontDoorSettings settings) {
        this.server = server;
        this.settings = settings;
        this.publicPaths = new PublicPaths(settings.publicPaths());
        this.events = new ApiGatewayEvents(server.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(settings.threads(),
                Thread.ofPlatform().name("api-gateway-", 0).daemon(true).factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Binds 127.0.0.1:{@code settings.port()} (0 = any free port) without serving yet, so the port is known
     * (and a taken one reported as {@link java.net.BindException}) before the handlers are built.
     */
    public static ApiGatewayFrontDoor bind(ApiGatewayFrontDoorSettings settings) throws IOException {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port());
        HttpServer server = HttpServer.create(address, 64);
        return new ApiGatewayFrontDoor(server, settings);
    }

    /** Starts serving with these handlers; requests that arrived since {@link #bind} waited in the backlog. */
    public ApiGatewayFrontDoor start(RequestHandler<APIGatewayV2CustomAuthorizerEvent, ?> authorizerHandler,
                                     RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiHandler) {
        this.authorizer = new LambdaAuthorizer(authorizerHandler, settings.authorizerCacheTtl(),
                settings.identityHeaders());
        this.api = apiHandler;
        server.start();
        return this;
    }

    /** {@link #bind} and {@link #start} in one. */
    public static ApiGatewayFrontDoor start(ApiGatewayFrontDoorSettings settings,
                                            RequestHandler<APIGatewayV2CustomAuthorizerEvent, ?> authorizer,
                                            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api)
            throws IOException {
        return bind(settings).start(authorizer, api);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                write(exchange, GatewayResponse.PAYLOAD_TOO_LARGE);
                return;
            }
            APIGatewayV2HTTPEvent event = events.httpEvent(exchange, body);
            if (!publicPaths.contains(event.getRawPath())) {
                var decision = authorizer.authorize(events.authorizerEvent(event));
                if (decision instanceof LambdaAuthorizer.Denied denied) {
                    write(exchange, denied.response());
                    return;
                }
                events.attachAuthorizerContext(event, ((LambdaAuthorizer.Allowed) decision).context());
            }
            APIGatewayV2HTTPResponse response;
            try {
                response = api.handleRequest(event, new LocalLambdaContext("api", Duration.ofSeconds(30)));
            } catch (RuntimeException e) {
                LOG.error("the API handler failed on {} {}: {}", event.getRequestContext().getHttp().getMethod(),
                        event.getRawPath(), e.toString());
                write(exchange, GatewayResponse.INTERNAL_ERROR);
                return;
            }
            if (response == null) {
                write(exchange, GatewayResponse.INTERNAL_ERROR);
                return;
            }
            writeHandlerResponse(exchange, response);
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        }
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; null when the body is larger. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void writeHandlerResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        if (!headers.containsKey("Content-Type") && bytes.length > 0) {
            headers.set("Content-Type", "application/json");
        }
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!noBody && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
        byte[] bytes = response.problemJson().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting connections, lets requests in flight finish (up to {@code grace}). Idempotent. */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.stop((int) Math.max(0, Math.min(grace.toSeconds(), 10)));
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }

    /** The fixed answers API Gateway gives by itself. */
    record GatewayResponse(int status, String message, Map<String, String> headers) {
        static final GatewayResponse UNAUTHORIZED = new GatewayResponse(401, "Unauthorized",
                Map.of("WWW-Authenticate", "Bearer"));
        static final GatewayResponse FORBIDDEN = new GatewayResponse(403, "Forbidden", Map.of());
        static final GatewayResponse INTERNAL_ERROR = new GatewayResponse(500, "Internal Server Error", Map.of());
        static final GatewayResponse PAYLOAD_TOO_LARGE = new GatewayResponse(413, "Request Entity Too Large", Map.of());

        /**
         * The body: an RFC 9457 problem ({@code type}, {@code title}, {@code status}, {@code detail}) like every
         * error of the API, which also keeps API Gateway's own {@code message} member, so that a client reading
         * either works here and on AWS (where API Gateway's fixed answers carry {@code message} only).
         */
        String problemJson() {
            String code = message.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
            return "{\"type\":\"/problems/" + code + "\",\"title\":\"" + message + "\",\"status\":" + status
                    + ",\"detail\":\"" + message + "\",\"message\":\"" + message + "\"}";
        }
    }
}
