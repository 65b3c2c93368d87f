package dev.recipediff.functions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * JSON in and out of the routes, with the one hardened mapper ({@code RecipeJson.mapper()}): request bodies
 * that are not recipe documents, stored JSON read back, and response bodies.
 */
public final class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** A request body that must be a JSON object; a 400 with a pointer otherwise. */
    public ObjectNode requestObject(byte[] body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest(
                    "invalid_json", "the body is not valid JSON", List.of(new ErrorDetail("", "is not a JSON text")));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(
                    "invalid_document",
                    "the body must be a JSON object",
                    List.of(new ErrorDetail("", "must be an object")));
        }
        return (ObjectNode) node;
    }

    /** JSON we stored ourselves. */
    public JsonNode stored(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    public ApiResponse respond(int status, JsonNode body) {
        try {
            return ApiResponse.json(status, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body is always serializable", e);
        }
    }
}
