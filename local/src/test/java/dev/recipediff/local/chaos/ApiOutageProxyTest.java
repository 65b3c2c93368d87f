package dev.recipediff.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chaos run's proxy between the sender and the API: forwards, except during an outage (503, counted). */
class ApiOutageProxyTest {

    private HttpServer api;
    private ApiOutageProxy proxy;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        api.createContext("/", exchange -> {
            byte[] body = ("{\"seen\":\"" + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        proxy = ApiOutageProxy.start();
        proxy.forwardTo(URI.create("http://127.0.0.1:" + api.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        api.stop(0);
        http.close();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(proxy.endpoint().resolve(path))
                        .header("Idempotency-Key", "k1")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsMethodPathHeadersAndBodyAndAnswersWithTheApiResponse() throws Exception {
        HttpResponse<String> response = post("/recipes/7/makes?x=1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"seen\":\"POST /recipes/7/makes?x=1 k1 {}\"}");
        assertThat(response.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(proxy.refused()).isZero();
    }

    @Test
    void duringAnOutageAnswers503WithoutForwardingAndCountsIt() throws Exception {
        proxy.beginOutage();

        HttpResponse<String> response = post("/recipes");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"error\":\"unavailable\"");
        assertThat(proxy.refused()).isEqualTo(1);
        assertThat(proxy.forwarded()).isZero();
    }

    @Test
    void afterTheOutageForwardsAgain() throws Exception {
        proxy.beginOutage();
        post("/recipes");
        proxy.endOutage();

        assertThat(post("/recipes").statusCode()).isEqualTo(201);
        assertThat(proxy.refused()).isEqualTo(1);
    }
}
