package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.insights.InsightsReport;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.core.model.Recipe;

/**
 * The body of {@code GET /recipes/{recipeId}/insights} for one version: the {@link InsightsReport} of its
 * accumulator (effects, consensus, suggestion) with the version's {@code recipeName}. Rendered when the
 * accumulator is stored ({@link InsightsTable}), so the route reads it and computes nothing; versions are
 * immutable, so the rendered answer stays right until the accumulator changes, and every change re-renders it.
 */
public final class InsightsBody {

    private final ObjectMapper mapper;
    private final InsightsReport report = new InsightsReport();

    public InsightsBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param recipe the version {@code state} counts the makes of */
    public String render(InsightsState state, Recipe recipe) {
        ObjectNode body = mapper.valueToTree(report.report(state, recipe));
        body.put("recipeName", recipe.recipeName());
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("insights are always serializable", e);
        }
    }
}
