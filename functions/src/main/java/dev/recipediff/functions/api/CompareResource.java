package dev.recipediff.functions.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredMake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /recipes/{recipeId}/makes/{makeId}/compare/{otherMakeId}} (two makes compared with each other, the
 * first standing for the recipe) and {@code GET /recipes/{recipeId}/differences.csv} (every stored difference,
 * one row each, for spreadsheets and notebooks).
 */
public final class CompareResource {

    /** Makes per CSV page at most, so that a page stays far below the 6 MB a Lambda response may carry. */
    static final int MAX_CSV_MAKES = 1000;

    static final String CSV_HEADER = "makeId,version,madeAt,madeBy,rating,exact,recipeField,change,ingredient,"
            + "ingredientField,parameter,stepId,recipePosition,makePosition,recipe,make,recipeValue,recipeUnit,"
            + "makeValue,makeUnit,factor\r\n";

    private static final TypeReference<List<Difference>> DIFFERENCES = new TypeReference<>() {};

    private final MakeRecords makes;
    private final RecipeVersions versions;
    private final RecipeReader reader;
    private final MakeComparator comparator;
    private final JsonBodies json;
    private final ObjectMapper mapper;

    public CompareResource(
            MakeRecords makes,
            RecipeVersions versions,
            RecipeReader reader,
            MakeComparator comparator,
            JsonBodies json,
            ObjectMapper mapper) {
        this.makes = makes;
        this.versions = versions;
        this.reader = reader;
        this.comparator = comparator;
        this.json = json;
        this.mapper = mapper;
    }

    /** The second make compared with the first: what the second cook did differently from the first. */
    public ApiResponse compare(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        StoredMake first = find(request, recipeId, "makeId");
        StoredMake second = find(request, recipeId, "otherMakeId");
        Comparison comparison =
                comparator.compare(read(first).content(), read(second)).withMakeId(second.makeId());
        ObjectNode body = json.object();
        body.put("recipeId", recipeId);
        body.put("makeId", first.makeId());
        body.put("otherMakeId", second.makeId());
        body.put("exact", comparison.exact());
        body.set("differences", mapper.valueToTree(comparison.differences()));
        return json.respond(200, body);
    }

    /**
     * RFC 4180 CSV of the makes with an id above {@code ?after=} (default 0), oldest first, at most
     * {@code ?limit=} (1–1000, default 1000) makes: one row per difference, one row with empty difference columns
     * for a make made exactly. When the page is full, {@code Link: <…?after=N&limit=L>; rel="next"} names the next.
     */
    public ApiResponse csv(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        long after = request.queryParameter("after")
                .map(text -> number(text, "after", 0, Long.MAX_VALUE))
                .orElse(0L);
        int limit = Math.toIntExact(request.queryParameter("limit")
                .map(text -> number(text, "limit", 1, MAX_CSV_MAKES))
                .orElse((long) MAX_CSV_MAKES));
        if (!versions.exists(request.kitchen(), recipeId)) {
            throw RecipeResource.notFound(recipeId);
        }
        List<StoredMake> page = makes.since(request.kitchen(), recipeId, after, limit);
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (StoredMake make : page) {
            rows(make, csv);
        }
        ApiResponse response = new ApiResponse(
                200,
                Map.of(
                        "Content-Type",
                        "text/csv; charset=utf-8",
                        "Content-Disposition",
                        "attachment; filename=\"recipe-" + recipeId + "-differences.csv\""),
                csv.toString().getBytes(StandardCharsets.UTF_8));
        if (page.size() == limit) {
            response = response.withHeader(
                    "Link",
                    "</recipes/" + recipeId + "/differences.csv?after="
                            + page.getLast().makeId() + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response;
    }

    private void rows(StoredMake make, StringBuilder csv) {
        JsonNode document = json.stored(make.document());
        String prefix = make.makeId() + "," + make.version() + "," + cell(text(document, "madeAt")) + ","
                + cell(text(document, "madeBy")) + "," + cell(text(document, "rating")) + "," + make.exact() + ",";
        List<Difference> differences = differences(make);
        if (differences.isEmpty()) {
            csv.append(prefix).append(",".repeat(14)).append("\r\n");
            return;
        }
        for (Difference d : differences) {
            csv.append(prefix)
                    .append(cell(
                            d.recipeField() == null ? null : d.recipeField().json()))
                    .append(',')
                    .append(cell(d.change() == null ? null : d.change().json()))
                    .append(',')
                    .append(cell(d.ingredient()))
                    .append(',')
                    .append(cell(
                            d.ingredientField() == null
                                    ? null
                                    : d.ingredientField().json()))
                    .append(',')
                    .append(cell(d.parameter() == null ? null : d.parameter().json()))
                    .append(',')
                    .append(cell(d.difference() == null ? null : d.difference().stepId()))
                    .append(',')
                    .append(cell(d.recipePosition()))
                    .append(',')
                    .append(cell(d.makePosition()))
                    .append(',')
                    .append(cell(d.difference() == null ? null : d.difference().recipe()))
                    .append(',')
                    .append(cell(d.difference() == null ? null : d.difference().make()))
                    .append(',')
                    .append(cell(d.recipeValue()))
                    .append(',')
                    .append(cell(d.recipeUnit()))
                    .append(',')
                    .append(cell(d.makeValue()))
                    .append(',')
                    .append(cell(d.makeUnit()))
                    .append(',')
                    .append(cell(d.factor()))
                    .append("\r\n");
        }
    }

    /**
     * One CSV cell: quoted when it holds a comma, quote or line break; a text starting with {@code = + - @} or a
     * tab gets a leading {@code '} so that a spreadsheet shows it instead of running it as a formula.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private List<Difference> differences(StoredMake make) {
        try {
            return mapper.readValue(make.differences(), DIFFERENCES);
        } catch (IOException e) {
            throw new UncheckedIOException("stored differences of make " + make.makeId() + " are unreadable", e);
        }
    }

    private StoredMake find(ApiRequest request, long recipeId, String variable) {
        long makeId = PathIds.positive(request, variable);
        return makes.find(request.kitchen(), recipeId, makeId)
                .orElseThrow(() -> ApiException.notFound("recipe " + recipeId + " has no make " + makeId));
    }

    private Make read(StoredMake make) {
        return reader.readMake(make.document().getBytes(StandardCharsets.UTF_8));
    }

    private static long number(String text, String name, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParameter("/query/" + name, "must be an integer from " + min + " to " + max);
    }
}
