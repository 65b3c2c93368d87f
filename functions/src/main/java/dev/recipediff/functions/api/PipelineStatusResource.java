package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.functions.dashboard.QueueDepths;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import java.util.Optional;

/**
 * {@code GET /pipeline/status}: the depth of the jobs queue and its dead-letter queue. 404 when the API is not
 * configured with the jobs queue ({@code JOBS_QUEUE_URL}).
 */
public final class PipelineStatusResource {

    private final Optional<QueueDepths> status;
    private final JsonBodies json;
    private final ObjectMapper mapper;

    public PipelineStatusResource(Optional<QueueDepths> status, JsonBodies json, ObjectMapper mapper) {
        this.status = status;
        this.json = json;
        this.mapper = mapper;
    }

    public ApiResponse status(ApiRequest request) {
        request.kitchen(); // authenticated callers only, like every data route
        QueueDepths pipeline = status.orElseThrow(() -> ApiException.notFound(
                "pipeline status is not available: the API is not configured with the jobs queue"));
        ObjectNode body = json.object();
        body.set("queues", mapper.valueToTree(pipeline.depths()));
        return json.respond(200, body);
    }
}
