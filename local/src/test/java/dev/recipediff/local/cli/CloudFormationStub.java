package dev.recipediff.local.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudFormation is not emulated: this answers {@code DescribeStacks} at the HTTP level exactly as CloudFormation
 * does (query protocol, the 2010-05-15 XML namespace), for one stack and its outputs; any other stack gets
 * CloudFormation's own {@code ValidationError}. The SDK client under test parses these real responses.
 */
final class CloudFormationStub implements AutoCloseable {

    private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final HttpServer server;
    private final String stackName;
    private final Map<String, String> outputs;
    final List<String> requests = new CopyOnWriteArrayList<>();

    CloudFormationStub(String stackName, Map<String, String> outputs) throws IOException {
        this.stackName = stackName;
        this.outputs = new LinkedHashMap<>(outputs);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(body);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"DescribeStacks".equals(form.get("Action")) || !stackName.equals(form.get("StackName"))) {
            respond(
                    exchange,
                    400,
                    "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type>"
                            + "<Code>ValidationError</Code><Message>Stack with id " + form.get("StackName")
                            + " does not exist</Message></Error><RequestId>b1c2d3e4-0000-4000-8000-000000000001</RequestId>"
                            + "</ErrorResponse>");
            return;
        }
        StringBuilder members = new StringBuilder();
        outputs.forEach((key, value) -> members.append("<member><OutputKey>")
                .append(key)
                .append("</OutputKey><OutputValue>")
                .append(escape(value))
                .append("</OutputValue></member>"));
        respond(
                exchange,
                200,
                "<DescribeStacksResponse xmlns=\"" + NAMESPACE + "\"><DescribeStacksResult><Stacks>"
                        + "<member><StackName>" + stackName + "</StackName>"
                        + "<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/" + stackName
                        + "/0f1e2d3c-0000-4000-8000-000000000000</StackId>"
                        + "<CreationTime>2026-12-01T09:00:00.000Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus>"
                        + "<Outputs>" + members + "</Outputs></member></Stacks></DescribeStacksResult>"
                        + "<ResponseMetadata><RequestId>a1b2c3d4-0000-4000-8000-000000000002</RequestId></ResponseMetadata>"
                        + "</DescribeStacksResponse>");
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
