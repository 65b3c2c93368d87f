package dev.recipediff.local.chaos;

import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The files of a chaos run, in upload order: one recipe per eight files, 10 % invalid files, the rest makes of
 * random recipes — shuffled, so many makes arrive before their recipe.
 */
public final class ChaosPlan {

    /** What a file should end as. */
    public enum Kind {
        RECIPE,
        MAKE,
        INVALID
    }

    public record Upload(String key, Kind kind, long recipeId, byte[] body) {
        Upload copyUnderNewKey() {
            return new Upload(key.replace(".json", "-copy.json"), kind, recipeId, body);
        }
    }

    private static final RecipeWriter WRITER = new RecipeWriter();

    private ChaosPlan() {}

    public static List<Upload> of(String kitchen, int files, Random random) {
        int recipes = Math.max(4, files / 8);
        List<Upload> plan = new ArrayList<>();
        for (int r = 0; r < recipes; r++) {
            Recipe recipe = recipe(1000 + r, 4);
            plan.add(new Upload(
                    kitchen + "/recipes/recipe-" + r + ".json", Kind.RECIPE, recipe.recipeId(), WRITER.write(recipe)));
        }
        for (int i = 0; i < files / 10; i++) {
            String body = i % 2 == 0
                    ? "{\"recipeName\": \"truncated"
                    : "{\"recipeId\": 1, \"recipeName\": \"x\", \"ingredients\": [{\"ingredientId\": 1, \"quantity\": -2,"
                            + " \"measurement\": \"cup\", \"ingredientName\": \"flour\"}], \"steps\": []}";
            plan.add(new Upload(
                    kitchen + "/" + (i % 3 == 0 ? "recipes" : "makes") + "/invalid-" + i + ".json",
                    Kind.INVALID,
                    -1,
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        for (int m = 0; plan.size() < files; m++) {
            long recipeId = 1000 + random.nextInt(recipes);
            Make make = new Make(
                    recipe(recipeId, 1 + random.nextInt(12)),
                    OffsetDateTime.of(2026, 11, 1, 18, 0, 0, 0, ZoneOffset.UTC).plusMinutes(m),
                    "chaos",
                    "make " + m);
            plan.add(new Upload(kitchen + "/makes/make-" + m + ".json", Kind.MAKE, recipeId, WRITER.write(make)));
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    private static Recipe recipe(long recipeId, double servings) {
        return new Recipe(
                recipeId,
                "Chaos recipe " + recipeId,
                4.0,
                servings,
                List.of(
                        new Ingredient(1L, 2.0 * servings / 4, "cup", "flour", null, null),
                        new Ingredient(2L, 1.0 * servings / 4, "cup", "milk", null, null),
                        new Ingredient(3L, 2.0, "unit", "eggs", null, null)),
                List.of(new Step(1L, "Whisk everything"), new Step(2L, "Cook on a hot griddle")));
    }
}
