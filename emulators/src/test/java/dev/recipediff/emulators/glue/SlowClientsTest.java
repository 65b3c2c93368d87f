package dev.recipediff.emulators.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: slow and greedy clients cannot stall the front door. The attack of the issue (30 connections
 * trickling headers for 40 s) runs here for {@code -Drecipediff.slowloris.seconds} (default 6) and prints the other
 * callers' latencies; the figure in docs/security.md comes from a 40 s run.
 */
class SlowClientsTest {

    private static final int ATTACK_SECONDS = Integer.getInteger("recipediff.slowloris.seconds", 6);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ApiGatewayFrontDoor frontDoor;

    private final RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> authorizer =
            (event, context) -> Map.of("isAuthorized", true, "context", Map.of("kitchen", "default"));

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api =
            (event, context) -> APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withBody("{\"ok\":true}")
                    .build();

    @AfterEach
    void stop() {
        if (frontDoor != null) {
            frontDoor.close();
        }
    }

    private void start(ApiGatewayFrontDoorSettings.Limits limits) throws IOException {
        frontDoor = ApiGatewayFrontDoor.start(
                ApiGatewayFrontDoorSettings.of(0, Set.of("/openapi.json"), List.of("authorization"), Duration.ZERO)
                        .withLimits(limits),
                authorizer,
                api);
    }

    private static ApiGatewayFrontDoorSettings.Limits limits(
            Duration headerTimeout, Duration bodyTimeout, int perClient) {
        return new ApiGatewayFrontDoorSettings.Limits(
                headerTimeout, bodyTimeout, Duration.ofSeconds(30), 16 * 1024, perClient, 512);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontDoor.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends a request line and then one header byte every {@code every} until {@code until} (or the server hangs up). */
    private static void trickle(Socket socket, Duration every, long until) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write("GET /recipes HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (System.nanoTime() < until) {
                out.write('a');
                out.flush();
                Thread.sleep(every.toMillis());
            }
        } catch (IOException | InterruptedException closedByTheServer) {
            // what the header time-out does
        }
    }

    @Test
    void thirtyClientsTricklingHeadersDoNotDelayOtherCallers() throws Exception {
        start(ApiGatewayFrontDoorSettings.Limits.DEFAULT);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ATTACK_SECONDS);
        ExecutorService attackers = Executors.newFixedThreadPool(30);
        List<Socket> sockets = new ArrayList<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < 30; i++) {
                Socket socket = connect();
                sockets.add(socket);
                attackers.execute(() -> trickle(socket, Duration.ofMillis(500), until));
            }
            Thread.sleep(300);
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(frontDoor.endpoint() + "/recipes"))
                                .header("Authorization", "Bearer x")
                                .timeout(Duration.ofSeconds(3))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                latencies.add((System.nanoTime() - started) / 1_000);
                statuses.add(response.statusCode());
                Thread.sleep(100);
            }
        } finally {
            attackers.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(
                "slow clients: 30 trickling for %d s; other callers: %d requests, p50 %.1f ms, max %.1f ms%n",
                ATTACK_SECONDS, sorted.size(), sorted.get(sorted.size() / 2) / 1000.0, sorted.getLast() / 1000.0);
        assertThat(statuses).isNotEmpty().allSatisfy(status -> assertThat(status)
                .isEqualTo(200));
    }

    @Test
    void aRequestWhoseHeadersTrickleLongerThanTheHeaderTimeoutIsCutOff() throws Exception {
        start(limits(Duration.ofSeconds(1), Duration.ofSeconds(30), 64));
        try (Socket socket = connect()) {
            long started = System.nanoTime();

            trickle(socket, Duration.ofMillis(200), started + TimeUnit.SECONDS.toNanos(8));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosedAfterTheHeaderTimeout() throws Exception {
        start(limits(Duration.ofSeconds(1), Duration.ofSeconds(30), 64));
        try (Socket socket = connect()) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void connectionsOverThePerClientCapAreClosed() throws Exception {
        start(limits(Duration.ofSeconds(30), Duration.ofSeconds(30), 3));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                sockets.add(connect());
            }
            Thread.sleep(200);
            try (Socket fourth = connect()) {
                assertThat(fourth.getInputStream().read()).isEqualTo(-1);
            }
            Socket first = sockets.getFirst();
            first.setSoTimeout(300);
            assertThat(stillOpen(first)).isTrue();
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void connectionsAClientHasClosedNoLongerCountAgainstItsCap() throws Exception {
        start(limits(Duration.ofSeconds(30), Duration.ofSeconds(30), 3));
        for (int i = 0; i < 20; i++) {
            try (Socket socket = connect()) {
                // every other one asks the server to close, the others are closed by the client
                assertThat(statusLine(get(socket, i % 2 == 0 ? "close" : "keep-alive")))
                        .contains(" 200 ");
            }
        }

        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                sockets.add(connectWhenTheServerHasCountedTheClosedOnes());
            }
            for (Socket socket : sockets) {
                assertThat(statusLine(get(socket, "keep-alive"))).contains(" 200 ");
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static InputStream get(Socket socket, String connection) throws IOException {
        socket.getOutputStream()
                .write(("GET /recipes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\nConnection: " + connection
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return socket.getInputStream();
    }

    /** A closed connection is counted out asynchronously: a new one may be refused for a moment (bounded wait). */
    private Socket connectWhenTheServerHasCountedTheClosedOnes() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Socket socket = connect();
            socket.setSoTimeout(200);
            if (stillOpen(socket)) {
                socket.setSoTimeout(10_000);
                return socket;
            }
            socket.close();
            Thread.sleep(100);
        }
        throw new AssertionError("the front door kept refusing a client with no open connection");
    }

    private static boolean stillOpen(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() != -1;
        } catch (SocketTimeoutException nothingYet) {
            return true;
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws Exception {
        start(ApiGatewayFrontDoorSettings.Limits.DEFAULT);
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(("POST /recipes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: "
                                    + (ApiGatewayFrontDoor.MAX_BODY_BYTES + 1)
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));

            assertThat(statusLine(socket.getInputStream())).contains(" 413 ");
        }
    }

    @Test
    void aBodyThatTricklesPastTheBodyTimeoutIs408() throws Exception {
        start(limits(Duration.ofSeconds(10), Duration.ofSeconds(1), 64));
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /recipes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < 100; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (IOException answeredAndClosed) {
                // the front door gave up on the body: its answer is waiting to be read
            }

            assertThat(statusLine(socket.getInputStream())).contains(" 408 ");
        }
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        start(ApiGatewayFrontDoorSettings.Limits.DEFAULT);
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(("GET /recipes HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));

            assertThat(statusLine(socket.getInputStream())).contains(" 431 ");
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }
}
