package dev.recipediff.functions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Renders the uniform error body {@code {"error", "message", "details": [{"pointer", "problem"}], "requestId"}}. */
public final class ErrorBodies {

    private final ObjectMapper json;

    public ErrorBodies(ObjectMapper json) {
        this.json = json;
    }

    public ApiResponse render(ApiException error, String requestId) {
        return render(error.status(), error.code(), error.getMessage(), error.details(), requestId);
    }

    public ApiResponse render(int status, String code, String message, List<ErrorDetail> details, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("error", code);
        body.put("message", message);
        ArrayNode array = body.putArray("details");
        details.forEach(detail -> array.addObject().put("pointer", detail.pointer()).put("problem", detail.problem()));
        body.put("requestId", requestId);
        try {
            return ApiResponse.json(status, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always serializable", e);
        }
    }
}
