package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.analytics.RecipeSummary;
import dev.recipediff.functions.analytics.OtherChanges;
import dev.recipediff.functions.analytics.RecipeStatsTable;
import dev.recipediff.functions.analytics.StatsBody;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.http.PageQuery;
import dev.recipediff.functions.store.Page;
import dev.recipediff.functions.store.RecipeVersions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /recipes/{recipeId}/stats} (one read of the body rendered when the view was stored) and {@code GET /stats} (the
 * kitchen's made recipes, one summary each, paginated).
 */
public final class StatsResource {

    private final RecipeStatsTable table;
    private final RecipeVersions versions;
    private final JsonBodies json;
    private final ObjectMapper mapper;
    private final StatsBody body;

    public StatsResource(RecipeStatsTable table, RecipeVersions versions, JsonBodies json, ObjectMapper mapper) {
        this.table = table;
        this.versions = versions;
        this.json = json;
        this.mapper = mapper;
        this.body = new StatsBody(mapper);
    }

    /** {@code GET /recipes/{recipeId}/stats}: 404 for an unknown recipe, zeros for one nobody made. */
    public ApiResponse recipe(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        Optional<String> stored = table.body(request.kitchen(), recipeId);
        if (stored.isPresent()) {
            return ApiResponse.json(200, stored.get().getBytes(StandardCharsets.UTF_8));
        }
        if (!versions.exists(request.kitchen(), recipeId)) {
            throw ApiException.notFound("recipe " + recipeId + " does not exist");
        }
        return ApiResponse.json(
                200,
                body.render(RecipeStatsView.empty(recipeId, null), OtherChanges.none())
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /stats}: per made recipe — makes, share made as written, last made, average rating. */
    public ApiResponse kitchen(ApiRequest request) {
        PageQuery query = PageQuery.from(request, RecipeStatsTable.PREFIX);
        Page<RecipeSummary> page = table.summaries(request.kitchen(), query.limit(), query.after());
        ObjectNode body = json.object();
        body.put("kitchen", request.kitchen()); // the dashboard shows which kitchen its token belongs to
        body.set("recipes", mapper.valueToTree(page.items()));
        page.next()
                .ifPresentOrElse(position -> body.put("next", PageQuery.cursor(position)), () -> body.putNull("next"));
        return json.respond(200, body);
    }
}
