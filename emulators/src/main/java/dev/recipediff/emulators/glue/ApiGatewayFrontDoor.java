package dev.recipediff.emulators.glue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an API Gateway HTTP API with a Lambda REQUEST authorizer (simple responses) does, on one machine: a
 * Jetty server on 127.0.0.1 turns each request into a payload 2.0 {@link APIGatewayV2HTTPEvent}, asks
 * the authorizer (unless the path is public), puts the authorizer's context into
 * {@code requestContext.authorizer.lambda}, invokes the API handler and writes its response.
 *
 * <ul>
 *   <li>no {@code Authorization} header on a protected path → 401 {@code {"message":"Unauthorized"}}
 *       without calling the authorizer (its identity source is missing);</li>
 *   <li>authorizer says no → 403 {@code {"message":"Forbidden"}};</li>
 *   <li>authorizer or handler throws → 500 {@code {"message":"Internal Server Error"}};</li>
 *   <li>body over 10 MiB → 413 (API Gateway's payload limit), refused on its Content-Length before it is read.</li>
 * </ul>
 *
 * <p>Slow and greedy clients ({@link ApiGatewayFrontDoorSettings.Limits}): Jetty parses requests without a
 * thread per connection, so a client trickling its headers holds no thread; a request whose headers are not in
 * within the header time-out has its connection closed, a body not in within the body time-out is a 408, request
 * headers are capped (431), and connections are capped per client address and in total.
 */
public final class ApiGatewayFrontDoor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayFrontDoor.class);
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final Duration SWEEP_EVERY = Duration.ofMillis(250);
    private static final int MAX_JETTY_THREADS = 200;

    private final Server server;
    private final ServerConnector connector;
    private final ApiGatewayFrontDoorSettings settings;
    private final PublicPaths publicPaths;
    private final SlowClientGuard guard;
    private final java.util.concurrent.Semaphore invocations;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile ApiGatewayEvents events;
    private volatile LambdaAuthorizer authorizer;
    private volatile RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;

    private ApiGatewayFrontDoor(ApiGatewayFrontDoorSettings settings) {
        this.settings = settings;
        this.invocations = new java.util.concurrent.Semaphore(settings.threads(), true);
        this.publicPaths = new PublicPaths(settings.publicPaths());
        var limits = settings.limits();
        // Jetty needs spare threads to complete blocking body reads (a small pool starves: every thread waits on a
        // read whose completion needs a thread); the Lambda invocations themselves are bounded by `invocations`
        var threads = new QueuedThreadPool(MAX_JETTY_THREADS, 4);
        threads.setName("api-gateway");
        threads.setDaemon(true);
        this.server = new Server(threads);
        var http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        this.guard = new SlowClientGuard(limits);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http)) {
            /** ServerConnector's own accept, with the per-client cap applied before Jetty sees the connection. */
            @Override
            public void accept(int acceptorId) throws IOException {
                if (!(getTransport() instanceof java.nio.channels.ServerSocketChannel serverChannel)
                        || !serverChannel.isOpen()) {
                    return;
                }
                java.nio.channels.SocketChannel channel = serverChannel.accept();
                if (!guard.admit(channel)) {
                    channel.close();
                    return;
                }
                try {
                    channel.configureBlocking(false);
                    channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    getSelectorManager().accept(channel);
                } catch (IOException | RuntimeException failed) {
                    channel.close(); // the guard's sweep counts a closed socket out of its client's connections
                    throw failed;
                }
            }
        };
        connector.setHost("127.0.0.1");
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(64);
        connector.addEventListener(guard);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(2_000);
    }

    /**
     * Binds 127.0.0.1:{@code settings.port()} (0 = any free port) without serving yet, so the port is known
     * (and a taken one reported as {@link java.net.BindException}) before the handlers are built.
     */
    public static ApiGatewayFrontDoor bind(ApiGatewayFrontDoorSettings settings) throws IOException {
        var frontDoor = new ApiGatewayFrontDoor(settings);
        try {
            frontDoor.connector.open();
        } catch (IOException e) {
            frontDoor.guard.close();
            throw e.getCause() instanceof java.net.BindException bind ? bind : e;
        }
        frontDoor.events = new ApiGatewayEvents(frontDoor.connector.getLocalPort());
        return frontDoor;
    }

    /** Starts serving with these handlers; requests that arrived since {@link #bind} waited in the backlog. */
    public ApiGatewayFrontDoor start(
            RequestHandler<APIGatewayV2CustomAuthorizerEvent, ?> authorizerHandler,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiHandler) {
        this.authorizer =
                new LambdaAuthorizer(authorizerHandler, settings.authorizerCacheTtl(), settings.identityHeaders());
        this.api = apiHandler;
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the API front door could not start", e);
        }
        return this;
    }

    /** {@link #bind} and {@link #start} in one. */
    public static ApiGatewayFrontDoor start(
            ApiGatewayFrontDoorSettings settings,
            RequestHandler<APIGatewayV2CustomAuthorizerEvent, ?> authorizer,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api)
            throws IOException {
        return bind(settings).start(authorizer, api);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    private void serve(Request request, Response response, Callback callback) {
        try {
            byte[] body = readBody(request);
            if (body == null) {
                write(response, callback, GatewayResponse.PAYLOAD_TOO_LARGE);
                return;
            }
            invocations.acquireUninterruptibly(); // as many requests handled at once as settings.threads()
            try {
                invoke(request, response, callback, body);
            } finally {
                invocations.release();
            }
        } catch (BodyTimeout slow) {
            write(response, callback, GatewayResponse.REQUEST_TIMEOUT);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("client went away: {}", e.toString());
            callback.failed(e);
        } catch (RuntimeException e) {
            LOG.error("the front door failed: {}", e.getClass().getName());
            write(response, callback, GatewayResponse.INTERNAL_ERROR);
        }
    }

    private void invoke(Request request, Response response, Callback callback, byte[] body) {
        APIGatewayV2HTTPEvent event = events.httpEvent(incoming(request), body);
        if (!publicPaths.contains(event.getRawPath())) {
            var decision = authorizer.authorize(events.authorizerEvent(event));
            if (decision instanceof LambdaAuthorizer.Denied denied) {
                write(response, callback, denied.response());
                return;
            }
            events.attachAuthorizerContext(event, ((LambdaAuthorizer.Allowed) decision).context());
        }
        APIGatewayV2HTTPResponse answer;
        try {
            answer = api.handleRequest(event, new LocalLambdaContext("api", Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            LOG.error(
                    "the API handler failed on {}: {}",
                    event.getRequestContext().getHttp().getMethod(),
                    e.getClass().getName());
            write(response, callback, GatewayResponse.INTERNAL_ERROR);
            return;
        }
        if (answer == null) {
            write(response, callback, GatewayResponse.INTERNAL_ERROR);
            return;
        }
        writeHandlerResponse(request, response, callback, answer);
    }

    private static ApiGatewayEvents.IncomingRequest incoming(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        String sourceIp =
                remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : "127.0.0.1";
        String path = request.getHttpURI().getPath();
        return new ApiGatewayEvents.IncomingRequest(
                request.getMethod(),
                path == null || path.isEmpty() ? "/" : path,
                request.getHttpURI().getQuery(),
                headers,
                request.getConnectionMetaData().getProtocol(),
                sourceIp);
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES} within the body time-out; null when the body is larger (a declared
     * Content-Length is checked before a byte is read).
     */
    private byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        long deadline = System.nanoTime() + settings.limits().bodyTimeout().toNanos();
        var body = new java.io.ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (System.nanoTime() > deadline) {
                    throw new BodyTimeout();
                }
                body.write(buffer, 0, read);
                if (body.size() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return body.toByteArray();
    }

    private static void writeHandlerResponse(
            Request request, Response response, Callback callback, APIGatewayV2HTTPResponse answer) {
        var headers = response.getHeaders();
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach(headers::put);
        }
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        }
        if (answer.getCookies() != null) {
            answer.getCookies().forEach(cookie -> headers.add(HttpHeader.SET_COOKIE, cookie));
        }
        String body = answer.getBody();
        byte[] bytes = body == null
                ? new byte[0]
                : answer.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(body)
                        : body.getBytes(StandardCharsets.UTF_8);
        if (!headers.contains(HttpHeader.CONTENT_TYPE) && bytes.length > 0) {
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        }
        int status = answer.getStatusCode() == 0 ? 200 : answer.getStatusCode();
        response.setStatus(status);
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(request.getMethod());
        if (noBody || bytes.length == 0) {
            headers.remove(HttpHeader.CONTENT_LENGTH);
            if (!noBody) {
                headers.put(HttpHeader.CONTENT_LENGTH, 0L);
            }
            response.write(true, null, callback);
        } else {
            headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }

    static void write(Response response, Callback callback, GatewayResponse gateway) {
        byte[] bytes = gateway.problemJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(gateway.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        gateway.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Connections open right now (for tests and diagnostics). */
    int openConnections() {
        return guard.open.size();
    }

    /** Stops accepting connections, lets requests in flight finish (up to {@code grace}). Idempotent. */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.setStopTimeout(Math.max(0, Math.min(grace.toMillis(), 10_000)));
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the front door: {}", e.toString());
        } finally {
            guard.close();
            if (!server.isStarted()) {
                connector.close();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }

    /** The body did not arrive within the body time-out. */
    private static final class BodyTimeout extends IOException {
        BodyTimeout() {
            super("the request body did not arrive in time");
        }
    }

    /**
     * Caps connections per client address and closes a connection whose request line and headers do not arrive
     * within the header time-out (checked every {@link #SWEEP_EVERY}).
     */
    private static final class SlowClientGuard implements Connection.Listener, AutoCloseable {
        private final ApiGatewayFrontDoorSettings.Limits limits;
        private final Map<Connection, long[]> open = new ConcurrentHashMap<>();
        /** Open connections per client address; a client's entry goes when its last connection closes. */
        private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
        /**
         * The client address of every admitted socket, taken when it was accepted: a closed socket no longer knows
         * its remote address (Jetty's end point answers null), so it could not be counted out by asking it then.
         */
        private final Map<java.nio.channels.Channel, String> admitted = new ConcurrentHashMap<>();

        private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("api-gateway-sweeper").daemon(true).factory());

        SlowClientGuard(ApiGatewayFrontDoorSettings.Limits limits) {
            this.limits = limits;
            sweeper.scheduleWithFixedDelay(
                    this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether a newly accepted connection stays: its client has fewer than the cap open. */
        boolean admit(java.nio.channels.SocketChannel channel) throws IOException {
            SocketAddress remote = channel.getRemoteAddress();
            String client = remote instanceof InetSocketAddress inet
                    ? inet.getAddress().getHostAddress()
                    : String.valueOf(remote);
            boolean[] admittedNow = {false};
            perClient.compute(client, (c, count) -> {
                int open = count == null ? 0 : count;
                if (open >= limits.maxConnectionsPerClient()) {
                    return count;
                }
                admittedNow[0] = true;
                return open + 1;
            });
            if (!admittedNow[0]) {
                LOG.warn(
                        "refused a connection: its client has {} open already (at most)",
                        limits.maxConnectionsPerClient());
                return false;
            }
            admitted.put(channel, client);
            return true;
        }

        /** Counts a socket out of its client's connections, once (whoever sees it closed first). */
        private void release(Object transport) {
            String client = transport == null ? null : admitted.remove(transport);
            if (client != null) {
                perClient.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
            }
        }

        @Override
        public void onOpened(Connection connection) {
            open.put(connection, new long[] {-1});
        }

        @Override
        public void onClosed(Connection connection) {
            open.remove(connection);
            release(connection.getEndPoint().getTransport());
        }

        /** Closes the socket itself (an end point's close may wait for output that never comes). */
        private static void hangUp(Connection connection) {
            try {
                if (connection.getEndPoint().getTransport() instanceof java.nio.channels.Channel channel) {
                    channel.close();
                }
            } catch (IOException e) {
                LOG.debug("closing a connection: {}", e.toString());
            } finally {
                connection.getEndPoint().close();
            }
        }

        /** A request whose headers started arriving more than the header time-out ago and are not complete: close. */
        private void sweep() {
            // a socket admitted but closed before Jetty made a connection of it has no onClosed: count it out here
            admitted.keySet().forEach(channel -> {
                if (!channel.isOpen()) {
                    release(channel);
                }
            });
            long now = System.nanoTime();
            open.forEach((connection, headersSince) -> {
                if (!(connection instanceof HttpConnection http)) {
                    return;
                }
                var parser = http.getParser();
                boolean inHeaders = parser.isStart() ? http.getMessagesIn() == 0 : parser.inHeaderState();
                if (!inHeaders) {
                    headersSince[0] = -1;
                } else if (headersSince[0] < 0) {
                    headersSince[0] = now;
                } else if (now - headersSince[0] > limits.headerTimeout().toNanos()) {
                    LOG.warn(
                            "closing a connection: its request headers took longer than {} ms",
                            limits.headerTimeout().toMillis());
                    hangUp(connection);
                }
            });
        }

        @Override
        public void close() {
            sweeper.shutdownNow();
        }
    }

    /** The fixed answers API Gateway gives by itself. */
    record GatewayResponse(int status, String message, Map<String, String> headers) {
        static final GatewayResponse UNAUTHORIZED =
                new GatewayResponse(401, "Unauthorized", Map.of("WWW-Authenticate", "Bearer"));
        static final GatewayResponse FORBIDDEN = new GatewayResponse(403, "Forbidden", Map.of());
        static final GatewayResponse INTERNAL_ERROR = new GatewayResponse(500, "Internal Server Error", Map.of());
        static final GatewayResponse PAYLOAD_TOO_LARGE = new GatewayResponse(413, "Request Entity Too Large", Map.of());
        static final GatewayResponse REQUEST_TIMEOUT =
                new GatewayResponse(408, "Request Timeout", Map.of("Connection", "close"));

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
