package dev.recipediff.functions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Renders every error as an RFC 9457 problem ({@code application/problem+json}): {@code type} (a relative URI,
 * {@code /problems/<error>}, listed in docs/api.md), {@code title}, {@code status}, {@code detail}, with the
 * members clients read before problems existed kept as extensions: {@code error}, {@code message},
 * {@code details: [{"pointer", "problem"}]} and {@code requestId}.
 */
public final class ErrorBodies {

    /** The media type of every error answer. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;

    public ErrorBodies(ObjectMapper json) {
        this.json = json;
    }

    public ApiResponse render(ApiException error, String requestId) {
        return render(error.status(), error.code(), error.getMessage(), error.details(), requestId);
    }

    public ApiResponse render(int status, String code, String message, List<ErrorDetail> details, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("type", typeOf(code));
        body.put("title", titleOf(code));
        body.put("status", status);
        body.put("detail", message);
        body.put("error", code);
        body.put("message", message);
        ArrayNode array = body.putArray("details");
        details.forEach(
                detail -> array.addObject().put("pointer", detail.pointer()).put("problem", detail.problem()));
        body.put("requestId", requestId);
        try {
            return ApiResponse.json(status, json.writeValueAsBytes(body)).withHeader("Content-Type", PROBLEM_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always serializable", e);
        }
    }

    /** {@code /problems/invalid_json}: identifies the kind of problem; the same for every answer of that kind. */
    public static String typeOf(String code) {
        return "/problems/" + code;
    }

    /** {@code invalid_json} → {@code Invalid json}: a short summary that does not change between occurrences. */
    public static String titleOf(String code) {
        String words = code.replace('_', ' ').trim();
        return words.isEmpty() ? "Error" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
