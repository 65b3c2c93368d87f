package dev.recipediff.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the original format: {@code recipeName}, {@code recipeId}, {@code rating}, {@code servings},
 * ({@code yieldText}), {@code ingredients[ingredientId, quantity, measurement, ingredientName (+ preparation, text)]},
 * {@code steps[stepId, stepText (+ section)]} and, for a make, {@code madeAt}, {@code madeBy}, {@code notes}.
 * Unknown fields are ignored. Every text field except {@code madeBy} and {@code notes} is read as a reader sees
 * it ({@link ReadableText#line}).
 */
final class OriginalFormatReader {

    private final Problems problems;
    private final FieldReader fields;

    OriginalFormatReader(Problems problems) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
    }

    Recipe recipe(JsonNode root) {
        ObjectNode object = fields.object(root, "");
        if (object == null) {
            return null;
        }
        String name = fields.text(object, "", "recipeName", true);
        Long id = fields.id(object, "", "recipeId", true);
        Double rating = fields.number(object, "", "rating", false);
        Double servings = fields.number(object, "", "servings", true);
        String yieldText = fields.text(object, "", "yieldText", false);
        List<Ingredient> ingredients = ingredients(fields.array(object, "", "ingredients", true));
        List<Step> steps = steps(fields.array(object, "", "steps", true));
        return new Recipe(id, name, rating, servings, yieldText, ingredients, steps);
    }

    Make make(JsonNode root) {
        Recipe content = recipe(root);
        if (!(root instanceof ObjectNode object)) {
            return null;
        }
        return new Make(
                content,
                fields.dateTime(object, "", "madeAt"),
                fields.string(object, "", "madeBy", false),
                fields.string(object, "", "notes", false));
    }

    private List<Ingredient> ingredients(ArrayNode array) {
        List<Ingredient> ingredients = new ArrayList<>();
        if (array == null) {
            return ingredients;
        }
        if (array.size() > DocumentLimits.MAX_INGREDIENTS) {
            problems.add(
                    "/ingredients",
                    "too many ingredients: " + array.size() + " (at most " + DocumentLimits.MAX_INGREDIENTS + ")");
        }
        Map<Long, String> seenIds = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String pointer = Problems.child("/ingredients", i);
            ObjectNode item = fields.object(array.get(i), pointer);
            if (item == null) {
                continue;
            }
            Long id = fields.id(item, pointer, "ingredientId", false);
            checkUnique(seenIds, id, Problems.child(pointer, "ingredientId"), "ingredientId");
            ingredients.add(new Ingredient(
                    id,
                    fields.number(item, pointer, "quantity", false),
                    fields.text(item, pointer, "measurement", false),
                    fields.text(item, pointer, "ingredientName", true),
                    fields.text(item, pointer, "preparation", false),
                    fields.text(item, pointer, "text", false)));
        }
        return ingredients;
    }

    private List<Step> steps(ArrayNode array) {
        List<Step> steps = new ArrayList<>();
        if (array == null) {
            return steps;
        }
        if (array.size() > DocumentLimits.MAX_STEPS) {
            problems.add("/steps", "too many steps: " + array.size() + " (at most " + DocumentLimits.MAX_STEPS + ")");
        }
        Map<Long, String> seenIds = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String pointer = Problems.child("/steps", i);
            ObjectNode item = fields.object(array.get(i), pointer);
            if (item == null) {
                continue;
            }
            Long id = fields.id(item, pointer, "stepId", false);
            checkUnique(seenIds, id, Problems.child(pointer, "stepId"), "stepId");
            steps.add(new Step(
                    id, fields.text(item, pointer, "stepText", true), fields.text(item, pointer, "section", false)));
        }
        return steps;
    }

    private void checkUnique(Map<Long, String> seen, Long id, String pointer, String field) {
        if (id == null) {
            return;
        }
        String first = seen.putIfAbsent(id, pointer);
        if (first != null) {
            problems.add(pointer, "duplicate " + field + " " + id + " (also at " + first + ")");
        }
    }
}
