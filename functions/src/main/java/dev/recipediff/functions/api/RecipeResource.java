package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.http.PageQuery;
import dev.recipediff.functions.recipes.RecipeBook;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.Page;
import dev.recipediff.functions.store.RecipeEntry;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredVersion;

/** {@code /recipes}: add, update, read, list, and read versions. */
public final class RecipeResource {

    private final RecipeBook book;
    private final RecipeVersions versions;
    private final JsonBodies json;

    public RecipeResource(RecipeBook book, RecipeVersions versions, JsonBodies json) {
        this.book = book;
        this.versions = versions;
        this.json = json;
    }

    /** {@code POST /recipes} → 201 with the stored recipe and {@code version} 1. */
    public ApiResponse create(ApiRequest request) {
        StoredVersion created = book.create(request.kitchen(), request.body(), request.attempt());
        return json.respond(201, recipe(created)).withHeader("Location", "/recipes/" + created.recipeId());
    }

    /** {@code PUT /recipes} → 200 with the new version. */
    public ApiResponse update(ApiRequest request) {
        return json.respond(200, recipe(book.update(request.kitchen(), request.body(), request.attempt())));
    }

    /** {@code GET /recipes/{recipeId}} → the current version. */
    public ApiResponse current(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        return json.respond(
                200, recipe(book.current(request.kitchen(), recipeId).orElseThrow(() -> notFound(recipeId))));
    }

    /** {@code GET /recipes/{recipeId}/versions/{version}}. */
    public ApiResponse version(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        long number = PathIds.positive(request, "version");
        return json.respond(
                200,
                recipe(versions.version(request.kitchen(), recipeId, number)
                        .orElseThrow(() -> ApiException.notFound("recipe " + recipeId + " has no version " + number))));
    }

    /** {@code GET /recipes/{recipeId}/versions}: oldest first. */
    public ApiResponse versions(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        PageQuery query = PageQuery.from(request, ItemKey.VERSION_PREFIX);
        Page<StoredVersion> page = versions.versions(request.kitchen(), recipeId, query.limit(), query.after());
        if (page.items().isEmpty() && query.after().isEmpty()) {
            throw notFound(recipeId);
        }
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(version -> {
            ObjectNode item = items.addObject()
                    .put("recipeId", version.recipeId())
                    .put("version", version.version())
                    .put(
                            "recipeName",
                            json.stored(version.document()).path("recipeName").asText(null))
                    .put("createdAt", version.createdAt().toString());
            lineage(item, version);
        });
        next(body, page);
        return json.respond(200, body);
    }

    /** {@code GET /recipes}: the kitchen's recipes by id. */
    public ApiResponse list(ApiRequest request) {
        PageQuery query = PageQuery.from(request, ItemKey.RECIPE_PREFIX);
        Page<RecipeEntry> page = versions.entries(request.kitchen(), query.limit(), query.after());
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(entry -> items.addObject()
                .put("recipeId", entry.recipeId())
                .put("recipeName", entry.recipeName())
                .put("version", entry.currentVersion())
                .put("updatedAt", entry.updatedAt().toString()));
        next(body, page);
        return json.respond(200, body);
    }

    private ObjectNode recipe(StoredVersion version) {
        ObjectNode body = (ObjectNode) json.stored(version.document());
        body.put("version", version.version());
        body.put("createdAt", version.createdAt().toString());
        lineage(body, version);
        return body;
    }

    /**
     * {@code promotedFrom: {makeId, version}} on a version promoted from a make;
     * {@code suggestedFrom: {version, makeCount, makes}} on one promoted from a suggestion.
     */
    static void lineage(ObjectNode body, StoredVersion version) {
        version.promotedFrom().ifPresent(from -> body.putObject("promotedFrom")
                .put("makeId", from.makeId())
                .put("version", from.version()));
        version.suggestedFrom().ifPresent(from -> {
            ObjectNode suggested = body.putObject("suggestedFrom")
                    .put("version", from.version())
                    .put("makeCount", from.makeCount());
            try {
                suggested.set("makes", RecipeJson.mapper().readTree(from.makes()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored suggestion lineage is unreadable", e);
            }
        });
    }

    static void next(ObjectNode body, Page<?> page) {
        page.next()
                .ifPresentOrElse(position -> body.put("next", PageQuery.cursor(position)), () -> body.putNull("next"));
    }

    static ApiException notFound(long recipeId) {
        return ApiException.notFound("recipe " + recipeId + " does not exist");
    }
}
