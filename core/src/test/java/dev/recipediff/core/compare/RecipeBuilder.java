package dev.recipediff.core.compare;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.List;

/** Test data: a recipe (or a make of it) built line by line. */
final class RecipeBuilder {

    private Long recipeId = 1L;
    private String name = "Test Cake";
    private Double rating;
    private Double servings;
    private final List<Ingredient> ingredients = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    static RecipeBuilder aRecipe() {
        return new RecipeBuilder();
    }

    RecipeBuilder named(String recipeName) {
        this.name = recipeName;
        return this;
    }

    RecipeBuilder rated(double value) {
        this.rating = value;
        return this;
    }

    RecipeBuilder serving(double value) {
        this.servings = value;
        return this;
    }

    /** An ingredient without id (as in a hand-written make). */
    RecipeBuilder with(double quantity, String measurement, String ingredientName) {
        ingredients.add(Ingredient.of(null, quantity, measurement, ingredientName));
        return this;
    }

    RecipeBuilder with(long id, double quantity, String measurement, String ingredientName) {
        ingredients.add(Ingredient.of(id, quantity, measurement, ingredientName));
        return this;
    }

    /** A step without id. */
    RecipeBuilder step(String text) {
        steps.add(new Step(null, text));
        return this;
    }

    RecipeBuilder step(long id, String text) {
        steps.add(new Step(id, text));
        return this;
    }

    Recipe build() {
        return new Recipe(recipeId, name, rating, servings, ingredients, steps);
    }

    Make buildMake() {
        return new Make(build(), null, null, null);
    }
}
