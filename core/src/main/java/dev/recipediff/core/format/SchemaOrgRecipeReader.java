package dev.recipediff.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a schema.org {@code Recipe} as recipe websites embed it in JSON-LD: the document itself, or one node
 * of its {@code @graph}, or one element of a top-level array. Problems point into the submitted document.
 *
 * <ul>
 *   <li>{@code name} → recipe name (required).</li>
 *   <li>{@code identifier} (positive integer, a digits-only string, or a {@code PropertyValue} with such a
 *       {@code value}) or the extension {@code recipeId} → recipe id; otherwise {@code null} (the API assigns one).</li>
 *   <li>{@code recipeYield} ({@code 4}, {@code "4 servings"}, {@code ["4", "4 servings"]}) → servings: the first
 *       number found; a yield without a number is ignored.</li>
 *   <li>{@code aggregateRating.ratingValue} (number or numeric string) → rating; anything else is ignored.</li>
 *   <li>{@code recipeIngredient} (required; array of strings, or one string; the superseded schema.org name
 *       {@code ingredients} is accepted when {@code recipeIngredient} is absent) → ingredients, each line parsed
 *       by {@link IngredientLineParser}; ids are {@code null}.</li>
 *   <li>{@code recipeInstructions} (optional): a string (one step per non-empty line), an array of strings,
 *       {@code HowToStep}s ({@code text}, else {@code name}) and {@code HowToSection}s/{@code ItemList}s whose
 *       {@code itemListElement} are flattened in order; ids are {@code null}.</li>
 *   <li>For a make, the extension fields {@code madeAt}, {@code madeBy}, {@code notes} of the Recipe node.</li>
 * </ul>
 */
final class SchemaOrgRecipeReader {

    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final Problems problems;
    private final FieldReader fields;
    private final IngredientLineParser lineParser;

    SchemaOrgRecipeReader(Problems problems, IngredientLineParser lineParser) {
        this.problems = problems;
        this.fields = new FieldReader(problems);
        this.lineParser = lineParser;
    }

    /** True when the root looks like JSON-LD rather than the original format. */
    static boolean isJsonLd(JsonNode root) {
        return root.isArray() || root.has("@context") || root.has("@type") || root.has("@graph");
    }

    Recipe recipe(JsonNode root) {
        Located found = findRecipe(root);
        if (found == null) {
            problems.add("", "no schema.org Recipe found (a JSON-LD node with \"@type\": \"Recipe\")");
            return null;
        }
        return recipe(found.node(), found.pointer());
    }

    Make make(JsonNode root) {
        Located found = findRecipe(root);
        if (found == null) {
            problems.add("", "no schema.org Recipe found (a JSON-LD node with \"@type\": \"Recipe\")");
            return null;
        }
        Recipe content = recipe(found.node(), found.pointer());
        return new Make(content, fields.dateTime(found.node(), found.pointer(), "madeAt"),
                fields.string(found.node(), found.pointer(), "madeBy", false),
                fields.string(found.node(), found.pointer(), "notes", false));
    }

    private record Located(ObjectNode node, String pointer) {
    }

    private static Located findRecipe(JsonNode root) {
        if (root instanceof ObjectNode object) {
            if (isRecipe(object)) {
                return new Located(object, "");
            }
            return inGraph(object, "");
        }
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                if (root.get(i) instanceof ObjectNode element) {
                    String pointer = Problems.child("", i);
                    Located found = isRecipe(element) ? new Located(element, pointer) : inGraph(element, pointer);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static Located inGraph(ObjectNode object, String pointer) {
        JsonNode graph = object.get("@graph");
        if (graph == null || !graph.isArray()) {
            return null;
        }
        for (int i = 0; i < graph.size(); i++) {
            if (graph.get(i) instanceof ObjectNode node && isRecipe(node)) {
                return new Located(node, Problems.child(Problems.child(pointer, "@graph"), i));
            }
        }
        return null;
    }

    private static boolean isRecipe(JsonNode node) {
        return hasType(node, "Recipe");
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode types = node.get("@type");
        if (types == null) {
            return false;
        }
        if (types.isTextual()) {
            return isType(types.textValue(), type);
        }
        for (JsonNode each : types) {
            if (each.isTextual() && isType(each.textValue(), type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isType(String value, String type) {
        return value.equals(type) || value.endsWith("/" + type) || value.endsWith(":" + type);
    }

    private Recipe recipe(ObjectNode node, String pointer) {
        String name = fields.string(node, pointer, "name", true);
        Long id = recipeId(node, pointer);
        Double servings = servings(node.get("recipeYield"));
        Double rating = rating(node.get("aggregateRating"));
        List<Ingredient> ingredients = ingredients(node, pointer);
        List<Step> steps = new ArrayList<>();
        JsonNode instructions = node.get("recipeInstructions");
        if (!FieldReader.isAbsent(instructions)) {
            steps(instructions, Problems.child(pointer, "recipeInstructions"), steps);
        }
        if (steps.size() > DocumentLimits.MAX_STEPS) {
            problems.add(Problems.child(pointer, "recipeInstructions"), "too many steps: " + steps.size()
                    + " (at most " + DocumentLimits.MAX_STEPS + ")");
        }
        return new Recipe(id, name, rating, servings, ingredients, steps);
    }

    private Long recipeId(ObjectNode node, String pointer) {
        if (node.has("recipeId")) {
            return fields.id(node, pointer, "recipeId", false);
        }
        JsonNode identifier = node.get("identifier");
        if (identifier instanceof ObjectNode property) {
            identifier = property.get("value");
        }
        if (identifier == null) {
            return null;
        }
        if (identifier.isTextual() && DIGITS.matcher(identifier.textValue().strip()).matches()) {
            long id = Long.parseLong(identifier.textValue().strip());
            return id > 0 ? id : null;
        }
        return identifier.isNumber() ? FieldReader.positiveLong(identifier) : null;
    }

    private static Double servings(JsonNode yield) {
        if (yield == null) {
            return null;
        }
        if (yield.isNumber()) {
            double value = yield.doubleValue();
            return Double.isFinite(value) && value > 0 ? value : null;
        }
        if (yield.isTextual()) {
            Matcher number = FIRST_NUMBER.matcher(yield.textValue());
            if (number.find()) {
                double value = Double.parseDouble(number.group());
                return Double.isFinite(value) && value > 0 ? value : null;
            }
            return null;
        }
        if (yield.isArray()) {
            for (JsonNode each : yield) {
                Double value = servings(each.isArray() ? null : each);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static Double rating(JsonNode aggregate) {
        if (aggregate == null || !aggregate.isObject()) {
            return null;
        }
        JsonNode value = aggregate.get("ratingValue");
        double rating;
        if (value == null) {
            return null;
        } else if (value.isNumber()) {
            rating = value.doubleValue();
        } else if (value.isTextual() && FIRST_NUMBER.matcher(value.textValue().strip()).matches()) {
            rating = Double.parseDouble(value.textValue().strip());
        } else {
            return null;
        }
        return Double.isFinite(rating) && rating >= 0 ? rating : null;
    }

    private List<Ingredient> ingredients(ObjectNode node, String pointer) {
        List<Ingredient> ingredients = new ArrayList<>();
        String field = FieldReader.isAbsent(node.get("recipeIngredient")) && !FieldReader.isAbsent(node.get("ingredients"))
                ? "ingredients" : "recipeIngredient";
        String at = Problems.child(pointer, field);
        JsonNode lines = node.get(field);
        if (FieldReader.isAbsent(lines)) {
            problems.add(at, FieldReader.REQUIRED);
            return ingredients;
        }
        if (lines.isTextual()) {
            addIngredient(lines, at, ingredients);
            return ingredients;
        }
        if (!lines.isArray()) {
            problems.add(at, "must be an array of strings");
            return ingredients;
        }
        if (lines.size() > DocumentLimits.MAX_INGREDIENTS) {
            problems.add(at, "too many ingredients: " + lines.size() + " (at most " + DocumentLimits.MAX_INGREDIENTS + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            addIngredient(lines.get(i), Problems.child(at, i), ingredients);
        }
        return ingredients;
    }

    private void addIngredient(JsonNode line, String pointer, List<Ingredient> ingredients) {
        if (!line.isTextual()) {
            problems.add(pointer, FieldReader.STRING);
        } else if (line.textValue().isBlank()) {
            problems.add(pointer, FieldReader.NOT_BLANK);
        } else if (line.textValue().length() <= DocumentLimits.MAX_STRING_CHARS) {
            ingredients.add(lineParser.parse(line.textValue()));
        }
    }

    /** Appends the steps of an instruction value (string, array, HowToStep, HowToSection) in order. */
    private void steps(JsonNode value, String pointer, List<Step> steps) {
        if (value.isTextual()) {
            value.textValue().lines().map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> steps.add(new Step(null, line)));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                steps(value.get(i), Problems.child(pointer, i), steps);
            }
        } else if (value instanceof ObjectNode object) {
            JsonNode elements = object.get("itemListElement");
            if (elements != null && (hasType(object, "HowToSection") || hasType(object, "ItemList") || !hasText(object))) {
                steps(elements, Problems.child(pointer, "itemListElement"), steps);
            } else if (hasText(object)) {
                String text = textOf(object);
                steps.add(new Step(null, text.strip()));
            } else {
                problems.add(pointer, "must be a HowToStep with a text or name, a HowToSection or a string");
            }
        } else if (!value.isNull()) {
            problems.add(pointer, "must be a string, a HowToStep or a HowToSection");
        }
    }

    private static boolean hasText(ObjectNode step) {
        return textOf(step) != null;
    }

    private static String textOf(ObjectNode step) {
        for (String field : List.of("text", "name")) {
            JsonNode text = step.get(field);
            if (text != null && text.isTextual() && !text.textValue().isBlank()) {
                return text.textValue();
            }
        }
        return null;
    }
}
