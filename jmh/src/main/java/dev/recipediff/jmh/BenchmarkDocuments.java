package dev.recipediff.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The recipe/make pairs the benchmarks compare, as original-format JSON documents (generated, deterministic):
 * a typical pair (12 ingredients, 8 steps, 3 changes) and a large pair (300 ingredients, 200 steps, 12 changes).
 */
final class BenchmarkDocuments {

    private static final List<String> UNITS = List.of("cup", "tbsp", "tsp", "g", "unit", "ml", "oz", "clove");
    private static final List<String> NAMES = List.of(
            "flour",
            "sugar",
            "butter",
            "eggs",
            "milk",
            "salt",
            "baking powder",
            "cinnamon",
            "vanilla extract",
            "brown sugar",
            "lemon juice",
            "apples",
            "garlic",
            "olive oil",
            "onions",
            "tomatoes",
            "cumin",
            "paprika",
            "parsley",
            "black pepper");
    private static final List<String> STEPS = List.of(
            "Preheat the oven to 350 degrees and grease the pan",
            "Whisk the flour, sugar, baking powder and salt together in a large bowl",
            "Melt the butter and let it cool for 5 minutes",
            "Beat the eggs with the milk and the vanilla extract",
            "Fold the wet ingredients into the dry ingredients without overmixing",
            "Pour the batter into the pan and smooth the top",
            "Bake for 45 minutes until a skewer comes out clean",
            "Let it rest for 10 minutes before slicing and serving");

    private BenchmarkDocuments() {}

    /** 12 ingredients, 8 steps; the make changes one quantity, one oven temperature and one step's wording. */
    static byte[][] typicalPair() {
        ObjectNode recipe = recipe(12, 8);
        ObjectNode make = recipe.deepCopy();
        ((ObjectNode) make.withArray("/ingredients").get(2)).put("quantity", 1.5);
        ((ObjectNode) make.withArray("/steps").get(0))
                .put("stepText", "Preheat the oven to 375 degrees and grease the pan");
        ((ObjectNode) make.withArray("/steps").get(4))
                .put("stepText", "Gently fold the wet ingredients into the dry ones");
        return new byte[][] {bytes(recipe), bytes(make)};
    }

    /** 300 ingredients, 200 steps; the make changes 12 things (quantities, a removal, an addition, wording). */
    static byte[][] largePair(boolean withIds) {
        ObjectNode recipe = recipe(300, 200);
        ObjectNode make = recipe.deepCopy();
        ArrayNode ingredients = make.withArray("/ingredients");
        ArrayNode steps = make.withArray("/steps");
        for (int i = 10; i < 300; i += 60) {
            ((ObjectNode) ingredients.get(i))
                    .put("quantity", ingredients.get(i).get("quantity").asDouble() * 1.5);
        }
        ingredients.remove(150);
        ingredients
                .addObject()
                .put("ingredientId", 1000)
                .put("quantity", 1)
                .put("measurement", "tsp")
                .put("ingredientName", "nutmeg");
        for (int s = 20; s < 200; s += 40) {
            ObjectNode step = (ObjectNode) steps.get(s);
            step.put("stepText", step.get("stepText").asText().replace("the", "a"));
        }
        if (!withIds) {
            ingredients.forEach(i -> ((ObjectNode) i).remove("ingredientId"));
            steps.forEach(s -> ((ObjectNode) s).remove("stepId"));
        }
        return new byte[][] {bytes(recipe), bytes(make)};
    }

    private static ObjectNode recipe(int ingredientCount, int stepCount) {
        ObjectNode recipe = RecipeJson.mapper().createObjectNode();
        recipe.put("recipeName", "Benchmark Cake")
                .put("recipeId", 42)
                .put("rating", 4.5)
                .put("servings", 4);
        ArrayNode ingredients = recipe.putArray("ingredients");
        for (int i = 0; i < ingredientCount; i++) {
            String name = NAMES.get(i % NAMES.size()) + (i < NAMES.size() ? "" : " " + (i / NAMES.size()));
            ingredients
                    .addObject()
                    .put("ingredientId", i + 1)
                    .put("quantity", 0.25 * (1 + i % 8))
                    .put("measurement", UNITS.get(i % UNITS.size()))
                    .put("ingredientName", name);
        }
        ArrayNode steps = recipe.putArray("steps");
        for (int s = 0; s < stepCount; s++) {
            String text = STEPS.get(s % STEPS.size()) + (s < STEPS.size() ? "" : " (batch " + (s / STEPS.size()) + ")");
            steps.addObject().put("stepId", s + 1).put("stepText", text);
        }
        return recipe;
    }

    private static byte[] bytes(JsonNode document) {
        try {
            return RecipeJson.mapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
