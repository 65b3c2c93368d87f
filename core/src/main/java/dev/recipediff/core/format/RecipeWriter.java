package dev.recipediff.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * Writes recipes and makes in the original format with its exact field names: {@code recipeName},
 * {@code recipeId}, {@code rating}, {@code servings}, {@code yieldText}, (make: {@code madeAt}, {@code madeBy},
 * {@code notes}), {@code ingredients[ingredientId, quantity, measurement, ingredientName, preparation, text]},
 * {@code steps[stepId, stepText, section]}. Absent ({@code null}) values are left out; whole numbers are written as
 * integers ({@code 4.0} → {@code 4}); {@code madeAt} as ISO-8601 with its offset. What it writes,
 * {@link RecipeReader} reads back to an equal value. Thread-safe.
 */
public final class RecipeWriter {

    /** Doubles up to 2^53 are exact integers; beyond that they stay doubles. */
    private static final double MAX_EXACT_INTEGER = 0x1p53;

    private final ObjectMapper mapper = RecipeJson.mapper();

    public byte[] write(Recipe recipe) {
        return bytes(toJson(recipe));
    }

    public byte[] write(Make make) {
        return bytes(toJson(make));
    }

    public ObjectNode toJson(Recipe recipe) {
        ObjectNode json = header(recipe);
        body(json, recipe);
        return json;
    }

    public ObjectNode toJson(Make make) {
        ObjectNode json = header(make.content());
        if (make.madeAt() != null) {
            json.put("madeAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(make.madeAt()));
        }
        putIfPresent(json, "madeBy", make.madeBy());
        putIfPresent(json, "notes", make.notes());
        body(json, make.content());
        return json;
    }

    private ObjectNode header(Recipe recipe) {
        ObjectNode json = mapper.createObjectNode();
        putIfPresent(json, "recipeName", recipe.recipeName());
        putIfPresent(json, "recipeId", recipe.recipeId());
        putNumber(json, "rating", recipe.rating());
        putNumber(json, "servings", recipe.servings());
        putIfPresent(json, "yieldText", recipe.yieldText());
        return json;
    }

    private void body(ObjectNode json, Recipe recipe) {
        ArrayNode ingredients = json.putArray("ingredients");
        for (Ingredient ingredient : recipe.ingredients()) {
            ObjectNode item = ingredients.addObject();
            putIfPresent(item, "ingredientId", ingredient.ingredientId());
            putNumber(item, "quantity", ingredient.quantity());
            putIfPresent(item, "measurement", ingredient.measurement());
            putIfPresent(item, "ingredientName", ingredient.ingredientName());
            putIfPresent(item, "preparation", ingredient.preparation());
            putIfPresent(item, "text", ingredient.text());
        }
        ArrayNode steps = json.putArray("steps");
        for (Step step : recipe.steps()) {
            ObjectNode item = steps.addObject();
            putIfPresent(item, "stepId", step.stepId());
            putIfPresent(item, "stepText", step.stepText());
            putIfPresent(item, "section", step.section());
        }
    }

    private static void putNumber(ObjectNode json, String field, Double value) {
        if (value == null) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
            json.put(field, value.longValue());
        } else {
            json.put(field, value.doubleValue());
        }
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode json, String field, Long value) {
        if (value != null) {
            json.put(field, value.longValue());
        }
    }

    private byte[] bytes(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write a recipe tree", e);
        }
    }
}
