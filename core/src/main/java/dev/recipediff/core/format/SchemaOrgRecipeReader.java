package dev.recipediff.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a schema.org {@code Recipe} as recipe websites publish it in JSON-LD: the document itself, or the first
 * node typed {@code Recipe} (alone or in an array of types) found breadth-first anywhere in it — in its
 * {@code @graph}, in a top-level array, under {@code mainEntity} and the like. Problems point into the submitted
 * document. Every text is read as a reader sees it ({@link ReadableText}). The fields below are also found
 * under a name that differs in case alone ({@code ItemListElement}, {@code RecipeIngredient}).
 *
 * <ul>
 *   <li>{@code name} → recipe name (required: a Recipe without a name is not a recipe one can cook).</li>
 *   <li>{@code identifier} (positive integer, a digits-only string, or a {@code PropertyValue} with such a
 *       {@code value}) or the extension {@code recipeId} → recipe id; otherwise {@code null} (the API assigns one).</li>
 *   <li>{@code recipeYield} ({@code 4}, {@code "8-10"}, {@code "Serves 4 to 6"}, {@code ["4", "4 servings"]}) →
 *       servings: the first number found (the lower bound of a range); the text → yield text, kept whole (of an
 *       array, its longest text).</li>
 *   <li>{@code aggregateRating.ratingValue} (number or numeric string) → rating; anything else is ignored.</li>
 *   <li>{@code recipeIngredient} (or the superseded {@code ingredients}; optional — a Recipe without it has no
 *       ingredients): strings, nested arrays (groups, flattened in order), numbers, and objects
 *       ({@code HowToSupply}, {@code PropertyValue}, …: {@code text}, else {@code requiredQuantity}/{@code value}
 *       and {@code name}); {@code null}s and lines blank once cleaned are skipped; a string holding several lines
 *       gives one ingredient per line. Each line is parsed by {@link IngredientLineParser}; ids are {@code null}.</li>
 *   <li>{@code recipeInstructions} (optional): one string, alone or as the only element of an array (split into
 *       steps by {@link InstructionSteps#ofText}); arrays of strings and {@code HowToStep}s ({@code text}, else
 *       {@code name}), each one step unless it numbers several ({@link InstructionSteps#ofStep});
 *       {@code HowToSection}s and {@code ItemList}s whose {@code itemListElement} are flattened in order — a
 *       section's {@code name} becomes the {@code section} of its steps, not a step. Ids are {@code null}.</li>
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
        return new Make(
                content,
                fields.dateTime(found.node(), found.pointer(), "madeAt"),
                fields.string(found.node(), found.pointer(), "madeBy", false),
                fields.string(found.node(), found.pointer(), "notes", false));
    }

    private record Located(ObjectNode node, String pointer) {}

    private record Pending(JsonNode node, String pointer) {}

    /** The first node typed Recipe, breadth-first (the shallowest one; in document order among equals). */
    private static Located findRecipe(JsonNode root) {
        ArrayDeque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(root, ""));
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            if (next.node() instanceof ObjectNode object) {
                if (isRecipe(object)) {
                    return new Located(object, next.pointer());
                }
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    if (field.getValue().isContainerNode()) {
                        queue.add(new Pending(field.getValue(), Problems.child(next.pointer(), field.getKey())));
                    }
                }
            } else {
                for (int i = 0; i < next.node().size(); i++) {
                    if (next.node().get(i).isContainerNode()) {
                        queue.add(new Pending(next.node().get(i), Problems.child(next.pointer(), i)));
                    }
                }
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
        String name = fields.text(node, pointer, "name", true);
        Long id = recipeId(node, pointer);
        JsonNode yield = field(node, "recipeYield");
        Double servings = servings(yield);
        String yieldText = yieldText(yield);
        Double rating = rating(node.get("aggregateRating"));
        List<Ingredient> ingredients = ingredients(node, pointer);
        List<Step> steps = new ArrayList<>();
        JsonNode instructions = field(node, "recipeInstructions");
        String at = Problems.child(pointer, fieldName(node, "recipeInstructions"));
        if (instructions != null
                && instructions.isArray()
                && instructions.size() == 1
                && instructions.get(0).isTextual()) {
            instructions = instructions.get(0);
            at = Problems.child(at, 0);
        }
        if (instructions != null && instructions.isTextual()) {
            InstructionSteps.ofText(instructions.textValue()).forEach(text -> steps.add(new Step(null, text)));
        } else if (!FieldReader.isAbsent(instructions)) {
            steps(instructions, at, null, steps);
        }
        if (steps.size() > DocumentLimits.MAX_STEPS) {
            problems.add(
                    Problems.child(pointer, "recipeInstructions"),
                    "too many steps: " + steps.size() + " (at most " + DocumentLimits.MAX_STEPS + ")");
        }
        return new Recipe(id, name, rating, servings, yieldText, ingredients, steps);
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
        if (identifier.isTextual()
                && DIGITS.matcher(identifier.textValue().strip()).matches()) {
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

    /** The yield as written: a text yield whole; of an array, the longest text; {@code null} for a number. */
    private static String yieldText(JsonNode yield) {
        if (yield == null) {
            return null;
        }
        if (yield.isTextual()) {
            String text = ReadableText.line(yield.textValue());
            return text.isEmpty() ? null : text;
        }
        String longest = null;
        if (yield.isArray()) {
            for (JsonNode each : yield) {
                String text = each.isTextual() ? yieldText(each) : null;
                if (text != null && (longest == null || text.length() > longest.length())) {
                    longest = text;
                }
            }
        }
        return longest;
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
        } else if (value.isTextual()
                && FIRST_NUMBER.matcher(value.textValue().strip()).matches()) {
            rating = Double.parseDouble(value.textValue().strip());
        } else {
            return null;
        }
        return Double.isFinite(rating) && rating >= 0 ? rating : null;
    }

    private List<Ingredient> ingredients(ObjectNode node, String pointer) {
        List<Ingredient> ingredients = new ArrayList<>();
        String field = FieldReader.isAbsent(field(node, "recipeIngredient"))
                        && !FieldReader.isAbsent(field(node, "ingredients"))
                ? "ingredients"
                : "recipeIngredient";
        String at = Problems.child(pointer, fieldName(node, field));
        JsonNode lines = field(node, field);
        if (FieldReader.isAbsent(lines)) {
            return ingredients;
        }
        ingredientLines(lines, at, ingredients);
        if (ingredients.size() > DocumentLimits.MAX_INGREDIENTS) {
            problems.add(
                    at,
                    "too many ingredients: " + ingredients.size() + " (at most " + DocumentLimits.MAX_INGREDIENTS
                            + ")");
        }
        return ingredients;
    }

    /** Appends the ingredients of one value: a line, a group (array) of them, or an ingredient object. */
    private void ingredientLines(JsonNode value, String pointer, List<Ingredient> ingredients) {
        if (value.isArray()) {
            for (int i = 0; i < value.size() && ingredients.size() <= DocumentLimits.MAX_INGREDIENTS; i++) {
                ingredientLines(value.get(i), Problems.child(pointer, i), ingredients);
            }
        } else if (value.isTextual() || value.isNumber()) {
            for (String line : ReadableText.lines(value.asText())) {
                ingredients.add(lineParser.parse(line));
            }
        } else if (value instanceof ObjectNode object) {
            String line = ingredientText(object);
            if (line == null) {
                problems.add(pointer, "must be an ingredient: a string, or an object with a text or name");
            } else {
                ingredientLines(TextNode.valueOf(line), pointer, ingredients);
            }
        } else if (!value.isNull()) {
            problems.add(pointer, "must be an ingredient: a string, or an object with a text or name");
        }
    }

    /**
     * The line of an ingredient given as an object: its {@code text}; else its amount
     * ({@code requiredQuantity}: a number, a text or a {@code QuantitativeValue} with {@code value} and
     * {@code unitText}/{@code unitCode}; or a {@code PropertyValue}'s {@code value}) followed by its {@code name}.
     */
    private static String ingredientText(ObjectNode object) {
        String text = textField(object, "text");
        if (text != null) {
            return text;
        }
        String name = textField(object, "name");
        JsonNode amountNode = object.has("requiredQuantity") ? object.get("requiredQuantity") : object.get("value");
        String amount = amount(amountNode);
        if (name == null) {
            return amount;
        }
        return amount == null ? name : amount + " " + name;
    }

    private static String amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber() || node.isTextual()) {
            String text = node.asText().strip();
            return text.isEmpty() ? null : text;
        }
        if (node instanceof ObjectNode quantity) {
            String value = amount(quantity.get("value"));
            String unit = textField(quantity, "unitText");
            if (unit == null) {
                unit = textField(quantity, "unitCode");
            }
            if (value == null) {
                return unit;
            }
            return unit == null ? value : value + " " + unit;
        }
        return null;
    }

    private static String textField(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Appends the steps of an instruction value (string, array, HowToStep, HowToSection) in order; a section's
     * name becomes the {@code section} of the steps inside it.
     */
    private void steps(JsonNode value, String pointer, String section, List<Step> steps) {
        if (value.isTextual()) {
            InstructionSteps.ofStep(value.textValue()).forEach(text -> steps.add(new Step(null, text, section)));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size() && steps.size() <= DocumentLimits.MAX_STEPS; i++) {
                steps(value.get(i), Problems.child(pointer, i), section, steps);
            }
        } else if (value instanceof ObjectNode object) {
            JsonNode elements = field(object, "itemListElement");
            boolean list = hasType(object, "HowToSection") || hasType(object, "ItemList");
            if (list && elements == null) {
                return; // a heading without steps: nothing to do
            }
            if (elements != null && (list || textOf(object) == null)) {
                String name = list ? ReadableText.line(textField(object, "name")) : null;
                String inner = name == null || name.isEmpty() ? section : name;
                steps(elements, Problems.child(pointer, fieldName(object, "itemListElement")), inner, steps);
            } else if (textOf(object) != null) {
                InstructionSteps.ofStep(textOf(object)).forEach(text -> steps.add(new Step(null, text, section)));
            } else if (!list) {
                problems.add(pointer, "must be a HowToStep with a text or name, a HowToSection or a string");
            }
        } else if (!value.isNull()) {
            problems.add(pointer, "must be a string, a HowToStep or a HowToSection");
        }
    }

    /** The field of that name, or else the only field whose name differs from it in case alone ({@code ItemListElement}). */
    static JsonNode field(ObjectNode object, String name) {
        JsonNode exact = object.get(name);
        return exact != null ? exact : object.get(fieldName(object, name));
    }

    /** The name under which {@link #field} finds the field (the exact name when absent). */
    static String fieldName(ObjectNode object, String name) {
        if (object.has(name)) {
            return name;
        }
        for (Map.Entry<String, JsonNode> each : object.properties()) {
            if (each.getKey().equalsIgnoreCase(name)) {
                return each.getKey();
            }
        }
        return name;
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
