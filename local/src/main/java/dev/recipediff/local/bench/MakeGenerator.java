package dev.recipediff.local.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates realistic makes of a set of recipes: made exactly, an ingredient substituted, the whole recipe
 * scaled, quantities changed, a step's temperature or time changed — and a few files that must be rejected
 * (broken JSON, wrong types, no recipeId). Deterministic for a seed; each make names its sequence in
 * {@code madeBy} so that the benchmark can find it again once recorded.
 */
public final class MakeGenerator {

    static final OffsetDateTime FIRST_MADE_AT = OffsetDateTime.of(2026, 1, 1, 18, 0, 0, 0, ZoneOffset.UTC);
    private static final Pattern MADE_BY =
            Pattern.compile("\"madeBy\"\\s*:\\s*\"" + GeneratedMake.MADE_BY_PREFIX + "(\\d+)\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Map<String, String> SUBSTITUTES = Map.ofEntries(
            Map.entry("butter", "margarine"),
            Map.entry("milk", "oat milk"),
            Map.entry("sugar", "brown sugar"),
            Map.entry("flour", "spelt flour"),
            Map.entry("eggs", "flax eggs"),
            Map.entry("honey", "maple syrup"),
            Map.entry("lemon juice", "lime juice"),
            Map.entry("olive oil", "sunflower oil"),
            Map.entry("chicken stock", "vegetable stock"),
            Map.entry("rice", "quinoa"),
            Map.entry("apples", "pears"),
            Map.entry("oats", "barley flakes"),
            Map.entry("onion", "shallots"),
            Map.entry("cumin", "coriander"));
    private static final double[] SCALES = {0.5, 1.5, 2, 3};

    private final List<Recipe> recipes;
    private final Random random;
    private final RecipeWriter writer = new RecipeWriter();

    public MakeGenerator(List<Recipe> recipes, long seed) {
        if (recipes.isEmpty()) {
            throw new IllegalArgumentException("makes need at least one recipe");
        }
        this.recipes = List.copyOf(recipes);
        this.random = new Random(seed);
    }

    /** The make with this sequence number (recipes round-robin, variation drawn by weight). */
    public GeneratedMake next(int sequence) {
        Recipe recipe = recipes.get(sequence % recipes.size());
        MakeVariation variation = drawVariation();
        return new GeneratedMake(sequence, recipe.recipeId(), variation, body(recipe, variation, sequence));
    }

    /** {@code count} makes with sequences 0..count-1. */
    public List<GeneratedMake> generate(int count) {
        List<GeneratedMake> makes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            makes.add(next(i));
        }
        return makes;
    }

    /** The sequence a recorded make document names in {@code madeBy}, or -1 when it is not a benchmark make. */
    public static int sequenceOf(String document) {
        Matcher matcher = MADE_BY.matcher(document);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private MakeVariation drawVariation() {
        int draw = random.nextInt(MakeVariation.totalWeight());
        for (MakeVariation variation : MakeVariation.values()) {
            draw -= variation.weight();
            if (draw < 0) {
                return variation;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private byte[] body(Recipe recipe, MakeVariation variation, int sequence) {
        Make make = new Make(
                changed(recipe, variation),
                FIRST_MADE_AT.plusMinutes(sequence),
                GeneratedMake.MADE_BY_PREFIX + sequence,
                variation == MakeVariation.EXACT ? null : "bench " + variation);
        return switch (variation) {
            case INVALID_JSON -> {
                byte[] whole = writer.write(make);
                yield Arrays.copyOf(whole, whole.length / 2);
            }
            case WRONG_TYPES -> {
                ObjectNode json = writer.toJson(make);
                ((ObjectNode) json.withArray("ingredients").get(0)).put("quantity", "a handful");
                yield bytes(json);
            }
            case MISSING_RECIPE_ID -> {
                ObjectNode json = writer.toJson(make);
                json.remove("recipeId");
                yield bytes(json);
            }
            default -> writer.write(make);
        };
    }

    private Recipe changed(Recipe recipe, MakeVariation variation) {
        double rating = Math.min(5, Math.max(1, recipe.rating() + (random.nextInt(5) - 2) * 0.5));
        return switch (variation) {
            case EXACT, INVALID_JSON, WRONG_TYPES, MISSING_RECIPE_ID -> recipe;
            case SUBSTITUTION -> withIngredients(recipe, rating, substituted(recipe.ingredients()));
            case SCALED -> scaled(recipe, rating, SCALES[random.nextInt(SCALES.length)]);
            case QUANTITY_CHANGE -> withIngredients(recipe, rating, requantified(recipe.ingredients()));
            case STEP_CHANGE ->
                new Recipe(
                        recipe.recipeId(),
                        recipe.recipeName(),
                        rating,
                        recipe.servings(),
                        recipe.ingredients(),
                        stepChanged(recipe.steps()));
        };
    }

    private List<Ingredient> substituted(List<Ingredient> ingredients) {
        List<Ingredient> changed = new ArrayList<>(ingredients);
        int start = random.nextInt(changed.size());
        for (int i = 0; i < changed.size(); i++) {
            Ingredient original = changed.get((start + i) % changed.size());
            String substitute = SUBSTITUTES.get(original.ingredientName());
            if (substitute != null) {
                changed.set(
                        (start + i) % changed.size(),
                        Ingredient.of(
                                original.ingredientId(), original.quantity(), original.measurement(), substitute));
                return changed;
            }
        }
        changed.removeLast(); // nothing to substitute: left one out instead
        return changed;
    }

    private List<Ingredient> requantified(List<Ingredient> ingredients) {
        List<Ingredient> changed = new ArrayList<>(ingredients);
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            int index = random.nextInt(changed.size());
            Ingredient original = changed.get(index);
            double factor = 1.25 + random.nextInt(4) * 0.25;
            changed.set(index, original.withQuantity(round(original.quantity() * factor)));
        }
        return changed;
    }

    private List<Step> stepChanged(List<Step> steps) {
        List<Step> changed = new ArrayList<>(steps);
        for (int i = 0; i < changed.size(); i++) {
            Step step = changed.get(i);
            Matcher number = NUMBER.matcher(step.stepText());
            if (number.find()) {
                int value = Integer.parseInt(number.group());
                String text = number.replaceFirst(Integer.toString(value + 5 * (1 + random.nextInt(5))));
                changed.set(i, new Step(step.stepId(), text));
                return changed;
            }
        }
        changed.add(new Step((long) changed.size() + 1, "Let it cool on a rack"));
        return changed;
    }

    private static Recipe scaled(Recipe recipe, double rating, double factor) {
        List<Ingredient> ingredients = recipe.ingredients().stream()
                .map(ingredient -> ingredient.withQuantity(round(ingredient.quantity() * factor)))
                .toList();
        return new Recipe(
                recipe.recipeId(),
                recipe.recipeName(),
                rating,
                recipe.servings() * factor,
                ingredients,
                recipe.steps());
    }

    private static Recipe withIngredients(Recipe recipe, double rating, List<Ingredient> ingredients) {
        return new Recipe(
                recipe.recipeId(), recipe.recipeName(), rating, recipe.servings(), ingredients, recipe.steps());
    }

    private static double round(double quantity) {
        return Math.round(quantity * 100) / 100.0;
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return RecipeJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated make is not writable", e);
        }
    }
}
