package dev.recipediff.functions.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's contract, {@code openapi.json} (the very file the API serves), checked against real answers: every
 * response the integration tests receive must have a status the operation documents, a content type that status
 * declares, and — for JSON — a body its schema accepts (JSON Schema 2020-12 with the OpenAPI 3.1 dialect). A
 * route, a status or a field added without updating the document fails the test that met it.
 */
public final class OpenApiContract {

    private static final String RESOURCE = "openapi.json";
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            document = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    /** Fails with every way the answer breaks the contract; does nothing when it keeps it. */
    public void check(String method, String rawPath, int status, String contentType, String body) {
        List<String> violations = violations(method, rawPath, status, contentType, body);
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + rawPath + " answered " + status + " (" + contentType
                    + ") against openapi.json:\n  " + String.join("\n  ", violations) + "\n  body: "
                    + (body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body));
        }
    }

    /** {@link #check} for an API Gateway event and the handler's answer to it; returns the answer. */
    public APIGatewayV2HTTPResponse check(APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        String contentType = null;
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("Content-Type")) {
                    contentType = header.getValue();
                }
            }
        }
        String body = response.getIsBase64Encoded() ? null : response.getBody();
        if (!response.getIsBase64Encoded() || contentType == null || !contentType.contains("json")) {
            check(
                    request.getRequestContext().getHttp().getMethod(),
                    request.getRawPath(),
                    response.getStatusCode(),
                    contentType,
                    response.getIsBase64Encoded() ? "" : body);
        }
        return response;
    }

    /** What is wrong with the answer, in words; empty when it keeps the contract. */
    public List<String> violations(String method, String rawPath, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        String template = templateOf(path);
        if (template == null) {
            if (status != 404 && status != 401 && status != 403) {
                problems.add("no path of openapi.json matches " + path);
            }
            return problems;
        }
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            if (status != 405 && status != 401 && status != 403 && status != 404) {
                problems.add("openapi.json has no " + method + " on " + template);
            }
            return problems;
        }
        String responsePointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/";
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        JsonNode response = responses.get(code);
        if (response == null) {
            code = status / 100 + "XX";
            response = responses.get(code);
        }
        if (response == null) {
            code = "default";
            response = responses.get(code);
        }
        if (response == null) {
            problems.add("status " + status + " is not documented for " + method + " " + template);
            return problems;
        }
        responsePointer += escape(code);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        JsonNode content = response.path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                problems.add("status " + status + " documents no body, but one came");
            }
            return problems;
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = content.get(mediaType);
        if (media == null) {
            List<String> declared = new ArrayList<>();
            content.fieldNames().forEachRemaining(declared::add);
            problems.add("content type '" + mediaType + "' is not among the declared " + declared);
            return problems;
        }
        if (!media.has("schema") || !(mediaType.endsWith("json"))) {
            return problems;
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(
                schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + fragment(pointer))));
        for (Error error : schema.validate(empty ? "null" : body, InputFormat.JSON)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    /** The path template of openapi.json that {@code path} matches, preferring literal segments; null if none. */
    String templateOf(String path) {
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            int literals = matches(template, path);
            if (literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return best;
    }

    /** How many literal segments of {@code template} match {@code path}, or -1 when it does not match. */
    private static int matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        boolean greedyTail = t.length > 1 && t[t.length - 1].startsWith("{") && template.startsWith("/assets/");
        if (t.length != p.length && !(greedyTail && p.length > t.length)) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return -1;
                }
            } else if (t[i].equals(p[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: braces percent-encoded ({@code {recipeId}}). */
    private static String fragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            out.append('/').append(token.replace("{", "%7B").replace("}", "%7D"));
        }
        return out.toString();
    }
}
