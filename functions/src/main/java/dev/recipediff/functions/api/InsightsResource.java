package dev.recipediff.functions.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.insights.InsightsReport;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.core.insights.Suggestion;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.analytics.InsightsBody;
import dev.recipediff.functions.analytics.InsightsTable;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.recipes.RecipeBook;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /recipes/{recipeId}/insights[?version=N]} (one read of the version, one of the answer rendered
 * when its accumulator was stored — see {@link InsightsBody}; nothing computed, never the makes read) and
 * {@code POST /recipes/{recipeId}/suggestion/promote} (the current version's suggestion becomes the next version).
 */
public final class InsightsResource {

    private final InsightsTable table;
    private final RecipeVersions versions;
    private final RecipeBook book;
    private final JsonBodies json;
    private final ObjectMapper mapper;
    private final InsightsReport report = new InsightsReport();
    private final InsightsBody insightsBody;
    private final RecipeReader reader;

    public InsightsResource(
            InsightsTable table,
            RecipeVersions versions,
            RecipeBook book,
            RecipeReader reader,
            JsonBodies json,
            ObjectMapper mapper) {
        this.table = table;
        this.versions = versions;
        this.book = book;
        this.json = json;
        this.mapper = mapper;
        this.reader = reader;
        this.insightsBody = new InsightsBody(mapper);
    }

    /** 404 for an unknown recipe or version; zeros and empty lists for a version nobody made. */
    public ApiResponse insights(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        Optional<Long> asked = request.queryParameter("version").map(InsightsResource::version);
        StoredVersion version = (asked.isPresent()
                        ? versions.version(request.kitchen(), recipeId, asked.get())
                        : versions.latest(request.kitchen(), recipeId))
                .orElseThrow(() -> ApiException.notFound(
                        asked.isPresent()
                                ? "recipe " + recipeId + " has no version " + asked.get()
                                : "recipe " + recipeId + " does not exist"));
        String body = table.body(request.kitchen(), recipeId, version.version(), () -> recipe(version))
                .orElseGet(() -> insightsBody.render(
                        InsightsState.empty(recipeId, Math.toIntExact(version.version())), recipe(version)));
        return ApiResponse.json(200, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 201 with the new version and {@code suggestedFrom}; 200 with the current version when it came from a
     * suggestion and its own makes suggest nothing yet (a repeated click); 409 {@code no_suggestion} when no
     * change is made by at least half the makes.
     */
    public ApiResponse promote(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        StoredVersion current =
                book.current(request.kitchen(), recipeId).orElseThrow(() -> RecipeResource.notFound(recipeId));
        InsightsState state = state(request.kitchen(), current);
        Suggestion suggestion = report.suggestion(state, recipe(current));
        StoredVersion version;
        boolean created = suggestion != null;
        if (created) {
            version = book.promoteSuggestion(
                    request.kitchen(),
                    recipeId,
                    suggestion.recipe(),
                    new StoredVersion.Suggested(current.version(), state.makes(), ranges(state.appliedMakes())),
                    request.attempt());
        } else if (current.suggestedFrom().isPresent()) {
            version = current;
        } else {
            throw ApiException.conflict(
                    "no_suggestion",
                    "no change to version " + current.version() + " of recipe "
                            + recipeId + " is made by at least half of its makes (and by at least "
                            + InsightsReport.MINIMUM_CONSENSUS_MAKES + "): there is no suggestion to promote");
        }
        return PromoteResource.promoted(json, version, created);
    }

    private InsightsState state(String kitchen, StoredVersion version) {
        return table.find(kitchen, version.recipeId(), version.version())
                .map(InsightsTable.Stored::state)
                .orElseGet(() -> InsightsState.empty(version.recipeId(), Math.toIntExact(version.version())));
    }

    private Recipe recipe(StoredVersion version) {
        return reader.readRecipe(version.document().getBytes(StandardCharsets.UTF_8));
    }

    /** The make ids as JSON ranges: {@code [[1,30]]}. */
    private String ranges(MakeIdSet makes) {
        try {
            return mapper.writeValueAsString(makes.ranges().stream()
                    .map(range -> new long[] {range.from(), range.to()})
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("make ids are not serializable", e);
        }
    }

    private static long version(String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParameter("/query/version", "must be a positive integer");
    }
}
