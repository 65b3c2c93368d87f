package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.http.PageQuery;
import dev.recipediff.functions.recipes.MakeRecorder;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.Page;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredMake;

/** {@code /recipes/{recipeId}/makes}: record, read, list, and read differences. */
public final class MakeResource {

    private final MakeRecorder recorder;
    private final MakeRecords makes;
    private final RecipeVersions versions;
    private final JsonBodies json;

    public MakeResource(MakeRecorder recorder, MakeRecords makes, RecipeVersions versions, JsonBodies json) {
        this.recorder = recorder;
        this.makes = makes;
        this.versions = versions;
        this.json = json;
    }

    /** {@code POST /recipes/{recipeId}/makes} → 201 with makeId and differences, or 202 pending. */
    public ApiResponse record(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        return switch (recorder.record(request.kitchen(), recipeId, request.body(), request.attempt())) {
            case MakeRecorder.Recording.Recorded recorded -> {
                StoredMake make = recorded.make();
                ObjectNode body = json.object();
                body.put("makeId", make.makeId());
                body.put("recipeId", make.recipeId());
                body.put("version", make.version());
                body.put("exact", make.exact());
                body.set("differences", json.stored(make.differences()));
                yield json.respond(201, body)
                        .withHeader("Location", "/recipes/" + recipeId + "/makes/" + make.makeId());
            }
            case MakeRecorder.Recording.Pending pending -> {
                ObjectNode body = json.object();
                body.put("status", "pending");
                body.put("recipeId", pending.recipeId());
                body.put("pendingId", pending.pendingId());
                body.put("receivedAt", pending.receivedAt().toString());
                body.put(
                        "message",
                        "recipe " + recipeId + " does not exist yet; the make is compared and gets "
                                + "its makeId when the recipe arrives");
                yield json.respond(202, body);
            }
        };
    }

    /** {@code GET /recipes/{recipeId}/makes/{makeId}}: the make as recorded, with version and exact. */
    public ApiResponse get(ApiRequest request) {
        StoredMake make = find(request);
        ObjectNode body = (ObjectNode) json.stored(make.document());
        body.put("makeId", make.makeId());
        body.put("version", make.version());
        body.put("exact", make.exact());
        body.put("receivedAt", make.receivedAt().toString());
        if (make.correlationId() != null) {
            body.put("correlationId", make.correlationId());
        }
        return json.respond(200, body);
    }

    /** {@code GET /recipes/{recipeId}/makes/{makeId}/differences}: the differences array. */
    public ApiResponse differences(ApiRequest request) {
        return json.respond(200, json.stored(find(request).differences()));
    }

    /** {@code GET /recipes/{recipeId}/makes}: newest first. */
    public ApiResponse list(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        PageQuery query = PageQuery.from(request, ItemKey.MAKE_PREFIX);
        if (query.after().isEmpty() && !versions.exists(request.kitchen(), recipeId)) {
            throw RecipeResource.notFound(recipeId);
        }
        Page<StoredMake> page = makes.list(request.kitchen(), recipeId, query.limit(), query.after());
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(make -> {
            JsonNode document = json.stored(make.document());
            ObjectNode item = items.addObject()
                    .put("makeId", make.makeId())
                    .put("recipeId", make.recipeId())
                    .put("version", make.version())
                    .put("exact", make.exact())
                    .put("differenceCount", json.stored(make.differences()).size())
                    .put("receivedAt", make.receivedAt().toString());
            for (String field : new String[] {"madeAt", "madeBy", "rating"}) {
                if (document.hasNonNull(field)) {
                    item.set(field, document.get(field));
                }
            }
        });
        RecipeResource.next(body, page);
        return json.respond(200, body);
    }

    private StoredMake find(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        long makeId = PathIds.positive(request, "makeId");
        return makes.find(request.kitchen(), recipeId, makeId)
                .orElseThrow(() -> ApiException.notFound("recipe " + recipeId + " has no make " + makeId));
    }
}
