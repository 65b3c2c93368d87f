package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.analytics.RecipeStatsView;

/**
 * The body of {@code GET /recipes/{recipeId}/stats}: the view's {@code RecipeStats}, with {@code seriesLimit}
 * the points a stored series keeps ({@link ViewBounds#MAX_POINTS}) and {@code otherChanges} the counts no longer
 * listed. Rendered when the view is stored, so that the route only reads it.
 */
public final class StatsBody {

    private final ObjectMapper mapper;

    public StatsBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String render(RecipeStatsView view, OtherChanges other) {
        ObjectNode body = mapper.valueToTree(view.stats());
        body.put("seriesLimit", ViewBounds.MAX_POINTS);
        body.set("otherChanges", mapper.valueToTree(other));
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write stats as JSON", e);
        }
    }
}
