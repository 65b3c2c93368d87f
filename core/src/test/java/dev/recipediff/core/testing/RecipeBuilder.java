package dev.recipediff.core.testing;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-data builder for recipes and makes: {@code aRecipe().ingredient(1, 2.0, "cup", "flour").step(1, "Mix").build()}.
 * Defaults: id 1, name "Test recipe", no rating, no servings, no ingredients, no steps, no make fields.
 */
public final class RecipeBuilder {

    private Long recipeId = 1L;
    private String recipeName = "Test recipe";
    private Double rating;
    private Double servings;
    private final List<Ingredient> ingredients = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private OffsetDateTime madeAt;
    private String madeBy;
    private String notes;

    private RecipeBuilder() {}

    public static RecipeBuilder aRecipe() {
        return new RecipeBuilder();
    }

    /** A builder holding a copy of {@code recipe}, to derive a make or a variant from it. */
    public static RecipeBuilder from(Recipe recipe) {
        RecipeBuilder builder = new RecipeBuilder()
                .id(recipe.recipeId())
                .name(recipe.recipeName())
                .rating(recipe.rating())
                .servings(recipe.servings());
        builder.ingredients.addAll(recipe.ingredients());
        builder.steps.addAll(recipe.steps());
        return builder;
    }

    public RecipeBuilder id(Long id) {
        this.recipeId = id;
        return this;
    }

    public RecipeBuilder name(String name) {
        this.recipeName = name;
        return this;
    }

    public RecipeBuilder rating(Double value) {
        this.rating = value;
        return this;
    }

    public RecipeBuilder servings(Double value) {
        this.servings = value;
        return this;
    }

    /** An ingredient with an id, as the original format writes it. */
    public RecipeBuilder ingredient(long id, Double quantity, String measurement, String name) {
        return ingredient(Ingredient.of(id, quantity, measurement, name));
    }

    /** An ingredient without an id, as hand-written makes have them. */
    public RecipeBuilder ingredient(Double quantity, String measurement, String name) {
        return ingredient(Ingredient.of(null, quantity, measurement, name));
    }

    public RecipeBuilder ingredient(Ingredient ingredient) {
        ingredients.add(ingredient);
        return this;
    }

    public RecipeBuilder step(long id, String text) {
        steps.add(new Step(id, text));
        return this;
    }

    public RecipeBuilder step(String text) {
        steps.add(new Step(null, text));
        return this;
    }

    public RecipeBuilder madeAt(OffsetDateTime when) {
        this.madeAt = when;
        return this;
    }

    public RecipeBuilder madeBy(String who) {
        this.madeBy = who;
        return this;
    }

    public RecipeBuilder notes(String text) {
        this.notes = text;
        return this;
    }

    public Recipe build() {
        return new Recipe(recipeId, recipeName, rating, servings, ingredients, steps);
    }

    public Make buildMake() {
        return new Make(build(), madeAt, madeBy, notes);
    }
}
