package dev.recipediff.local.bench;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates benchmark recipes: 5 to 10 ingredients from a pantry of common ones (with their usual
 * quantity and measurement) and 4 to 6 steps, several carrying temperatures and durations, so that makes
 * of them can change quantities, units, names and step parameters like real makes do.
 */
public final class RecipeCatalog {

    /** Recipe ids start here, far from ids a user would pick. */
    public static final long FIRST_RECIPE_ID = 100_001;

    private record PantryItem(String name, double quantity, String measurement) {}

    private static final List<PantryItem> PANTRY = List.of(
            new PantryItem("flour", 2, "cup"), new PantryItem("sugar", 0.75, "cup"),
            new PantryItem("butter", 2, "TBS"), new PantryItem("eggs", 2, "unit"),
            new PantryItem("milk", 1, "cup"), new PantryItem("salt", 0.5, "tsp"),
            new PantryItem("cinnamon", 1, "tsp"), new PantryItem("baking powder", 2, "tsp"),
            new PantryItem("vanilla extract", 1, "tsp"), new PantryItem("apples", 6, "unit"),
            new PantryItem("lemon juice", 2, "tbsp"), new PantryItem("olive oil", 3, "tbsp"),
            new PantryItem("garlic", 2, "unit"), new PantryItem("onion", 1, "unit"),
            new PantryItem("tomatoes", 4, "unit"), new PantryItem("rice", 1.5, "cup"),
            new PantryItem("chicken stock", 2, "cup"), new PantryItem("cumin", 1, "tsp"),
            new PantryItem("honey", 2, "tbsp"), new PantryItem("oats", 1, "cup"));

    private static final List<String> STEPS = List.of(
            "Gather the ingredients",
            "Pre heat the oven to 350 degrees",
            "Whisk the dry ingredients together",
            "Stir in the wet ingredients until just combined",
            "Simmer for 20 minutes, stirring now and then",
            "Bake for 45 minutes until golden",
            "Rest for 10 minutes before serving",
            "Fry the onion and garlic in the oil for 5 minutes");

    private RecipeCatalog() {}

    /** {@code count} recipes with ids {@link #FIRST_RECIPE_ID}, +1, …; the same seed gives the same recipes. */
    public static List<Recipe> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one recipe, not " + count);
        }
        Random random = new Random(seed);
        List<Recipe> recipes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            recipes.add(recipe(FIRST_RECIPE_ID + i, random));
        }
        return recipes;
    }

    private static Recipe recipe(long recipeId, Random random) {
        List<PantryItem> pantry = new ArrayList<>(PANTRY);
        java.util.Collections.shuffle(pantry, random);
        int ingredientCount = 5 + random.nextInt(6);
        List<Ingredient> ingredients = new ArrayList<>(ingredientCount);
        for (int i = 0; i < ingredientCount; i++) {
            PantryItem item = pantry.get(i);
            ingredients.add(Ingredient.of((long) i + 1, item.quantity(), item.measurement(), item.name()));
        }
        List<String> texts = new ArrayList<>(STEPS.subList(1, STEPS.size()));
        java.util.Collections.shuffle(texts, random);
        int stepCount = 4 + random.nextInt(3);
        List<Step> steps = new ArrayList<>(stepCount);
        steps.add(new Step(1L, STEPS.getFirst()));
        for (int i = 1; i < stepCount; i++) {
            steps.add(new Step((long) i + 1, texts.get(i - 1)));
        }
        double rating = 3.5 + random.nextInt(4) * 0.5;
        return new Recipe(recipeId, "Bench recipe " + recipeId, rating, 4.0, ingredients, steps);
    }
}
