package dev.recipediff.local.bench.realworld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.IngredientLineParser;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import dev.recipediff.core.units.CookingUnit;
import dev.recipediff.core.units.Dimension;
import dev.recipediff.core.units.UnitCatalog;
import dev.recipediff.local.bench.realworld.KnownEdit.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes makes of real recipes with a recorded list of what was changed (the ground truth of the known-edits
 * figures of {@code recipediff bench realworld}). Deterministic for a seed.
 *
 * <p>Real edits: a quantity up or down beyond rounding, a unit change with a quantity change, an ingredient
 * removed, added, or substituted by a plausible substitute, a step's temperature or time changed, a step
 * reworded, the whole recipe scaled. Equivalent edits (which change nothing): a unit restated across systems with
 * kitchen rounding, a unit's spelling, a name's case, an HTML entity or tag, spacing, ingredients reordered, a
 * step's temperature or time restated. A make is written in JSON-LD (ingredient lines edited as text) or in the
 * original format (fields edited), half each.
 */
public final class KnownEditsGenerator {

    private static final Map<String, String> SUBSTITUTES = Map.ofEntries(
            Map.entry("butter", "margarine"),
            Map.entry("milk", "oat milk"),
            Map.entry("buttermilk", "milk"),
            Map.entry("heavy cream", "half-and-half"),
            Map.entry("sour cream", "greek yogurt"),
            Map.entry("olive oil", "avocado oil"),
            Map.entry("vegetable oil", "canola oil"),
            Map.entry("lemon juice", "lime juice"),
            Map.entry("parsley", "cilantro"),
            Map.entry("onion", "shallot"),
            Map.entry("chicken broth", "vegetable broth"),
            Map.entry("chicken stock", "vegetable stock"),
            Map.entry("honey", "maple syrup"),
            Map.entry("brown sugar", "coconut sugar"),
            Map.entry("white wine", "dry vermouth"),
            Map.entry("shallot", "red onion"),
            Map.entry("basil", "oregano"),
            Map.entry("walnuts", "pecans"),
            Map.entry("pecans", "walnuts"),
            Map.entry("cheddar", "gruyere"),
            Map.entry("scallions", "chives"),
            Map.entry("thyme", "rosemary"),
            Map.entry("bacon", "pancetta"),
            Map.entry("rice vinegar", "cider vinegar"),
            Map.entry("red wine vinegar", "sherry vinegar"),
            Map.entry("cumin", "coriander"),
            Map.entry("spinach", "kale"),
            Map.entry("zucchini", "yellow squash"));
    private static final List<String> ADDITIONS = List.of(
            "1 teaspoon vanilla extract",
            "2 tablespoons lemon juice",
            "1/2 teaspoon smoked paprika",
            "1/4 cup toasted walnuts",
            "1 pinch red pepper flakes",
            "2 tablespoons chopped chives",
            "1 teaspoon grated lemon zest",
            "3 tablespoons grated parmesan",
            "1/2 cup frozen peas",
            "1 tablespoon capers");
    private static final Map<String, String> REWORDINGS = Map.ofEntries(
            Map.entry("stir", "mix"),
            Map.entry("whisk", "beat"),
            Map.entry("chop", "dice"),
            Map.entry("bowl", "dish"),
            Map.entry("large", "big"),
            Map.entry("pan", "skillet"),
            Map.entry("place", "put"),
            Map.entry("combine", "mix"),
            Map.entry("remove", "take"),
            Map.entry("serve", "plate"),
            Map.entry("heat", "warm"),
            Map.entry("pour", "tip"),
            Map.entry("cook", "fry"),
            Map.entry("add", "toss in"),
            Map.entry("until", "till"));
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("teaspoon", "tsp"),
            Map.entry("teaspoons", "tsp"),
            Map.entry("tsp", "teaspoons"),
            Map.entry("tablespoon", "tbsp"),
            Map.entry("tablespoons", "tbsp"),
            Map.entry("tbsp", "tablespoons"),
            Map.entry("cup", "cups"),
            Map.entry("cups", "cup"),
            Map.entry("ounce", "oz"),
            Map.entry("ounces", "oz"),
            Map.entry("oz", "ounces"),
            Map.entry("pound", "lb"),
            Map.entry("pounds", "lbs"),
            Map.entry("lb", "pounds"),
            Map.entry("lbs", "pounds"),
            Map.entry("gram", "g"),
            Map.entry("grams", "g"),
            Map.entry("g", "grams"),
            Map.entry("ml", "milliliters"),
            Map.entry("cloves", "clove"),
            Map.entry("clove", "cloves"),
            Map.entry("kg", "kilograms"));
    private static final Set<String> METRIC = Set.of(
            "ml",
            "l",
            "cl",
            "dl",
            "g",
            "kg",
            "mg",
            "gr",
            "gram",
            "grams",
            "milliliter",
            "milliliters",
            "millilitre",
            "millilitres",
            "liter",
            "liters",
            "litre",
            "litres",
            "kilogram",
            "kilograms");
    private static final Pattern TEMPERATURE =
            Pattern.compile("(?<![\\d.\\-–])(\\d{3})(\\s*(?:°|º|degrees?)\\s*(?:F|C|Fahrenheit|Celsius)?\\b|°?F\\b)");
    private static final Pattern FAHRENHEIT =
            Pattern.compile("(?<![\\d.\\-–])(\\d{3})(\\s*(?:°|º|degrees)\\s*F\\b|°F\\b|\\s*degrees Fahrenheit\\b)");
    private static final Pattern DURATION = Pattern.compile(
            "(?<![\\d.\\-–/])(\\d{1,3})(\\s*(?:minutes?|mins?|hours?|hrs?)\\b)(?!\\s*(?:-|–|to)\\s*\\d)");
    private static final Pattern MINUTES = Pattern.compile("(?<=\\d)(\\s*)minutes\\b");

    private final IngredientLineParser lineParser = new IngredientLineParser();
    private final RecipeWriter writer = new RecipeWriter();
    private final Random random;

    public KnownEditsGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * One make of {@code recipe} (as read from {@code source}), or empty when the recipe offers nothing to edit.
     * Makes alternate: a third only restate the recipe; a tenth are scalings; the rest carry one or two real
     * edits, sometimes with restatements beside them.
     */
    public Optional<KnownEditsMake> generate(String source, Recipe recipe) {
        if (recipe.ingredients().isEmpty() && recipe.steps().isEmpty()) {
            return Optional.empty();
        }
        Draft draft = new Draft(recipe, random.nextBoolean());
        double plan = random.nextDouble();
        List<Kind> equivalent = List.of(
                Kind.UNIT_RESTATED,
                Kind.SPELLING,
                Kind.CASE,
                Kind.ENTITY,
                Kind.SPACING,
                Kind.REORDERED,
                Kind.STEP_RESTATED);
        List<Kind> real = List.of(
                Kind.QUANTITY,
                Kind.UNIT_AND_QUANTITY,
                Kind.INGREDIENT_REMOVED,
                Kind.INGREDIENT_ADDED,
                Kind.INGREDIENT_SUBSTITUTED,
                Kind.STEP_TEMPERATURE,
                Kind.STEP_DURATION,
                Kind.STEP_REWORDED);
        if (plan < 0.35) {
            apply(draft, equivalent, 1 + random.nextInt(3));
        } else if (plan < 0.45 && apply(draft, List.of(Kind.SCALED), 1) > 0) {
            apply(draft, List.of(Kind.SPACING, Kind.ENTITY, Kind.REORDERED, Kind.CASE), random.nextInt(2));
        } else {
            apply(draft, real, 1 + random.nextInt(2));
            apply(draft, equivalent, random.nextInt(3) == 0 ? 1 : 0);
        }
        if (draft.edits.isEmpty() && apply(draft, List.of(Kind.SPACING), 1) == 0) {
            return Optional.empty();
        }
        return Optional.of(
                new KnownEditsMake(source, draft.jsonLd ? "jsonld" : "original", draft.write(), draft.edits));
    }

    /** Applies up to {@code count} edits drawn from {@code kinds}; returns how many applied. */
    private int apply(Draft draft, List<Kind> kinds, int count) {
        int applied = 0;
        for (int attempt = 0; attempt < 12 && applied < count; attempt++) {
            Kind kind = kinds.get(random.nextInt(kinds.size()));
            KnownEdit edit = draft.apply(kind);
            if (edit != null) {
                draft.edits.add(edit);
                applied++;
            }
        }
        return applied;
    }

    /** One ingredient of the make being written. */
    private static final class Line {
        final int recipeIndex;
        final String recipeName;
        String text;
        Double quantity;
        String measurement;
        String name;
        String preparation;
        boolean touched;

        Line(int recipeIndex, Ingredient ingredient) {
            this.recipeIndex = recipeIndex;
            this.recipeName = ingredient.ingredientName();
            this.text = ingredient.text() != null ? ingredient.text() : written(ingredient);
            this.quantity = ingredient.quantity();
            this.measurement = ingredient.measurement();
            this.name = ingredient.ingredientName();
            this.preparation = ingredient.preparation();
        }

        private static String written(Ingredient ingredient) {
            StringBuilder line = new StringBuilder();
            if (ingredient.quantity() != null) {
                line.append(KitchenNumbers.write(ingredient.quantity())).append(' ');
            }
            if (ingredient.measurement() != null && !ingredient.measurement().equals(UnitCatalog.COUNT_UNIT)) {
                line.append(ingredient.measurement()).append(' ');
            }
            return line.append(ingredient.ingredientName()).toString();
        }

        /** The amount and the unit word the line starts with, when they are exactly what was parsed. */
        Unit unitAt() {
            KitchenNumbers.Located amount = KitchenNumbers.leadingAmount(text);
            if (amount == null
                    || quantity == null
                    || Math.abs(amount.value() - quantity) > 1e-9
                    || measurement == null) {
                return null;
            }
            String after = text.substring(amount.end());
            Matcher unit = Pattern.compile(
                            "^\\s+(" + Pattern.quote(measurement) + ")\\.?(?=\\s)", Pattern.CASE_INSENSITIVE)
                    .matcher(after);
            if (!unit.find()) {
                return null;
            }
            return new Unit(amount, amount.end() + unit.start(1), amount.end() + unit.end(1));
        }
    }

    private record Unit(KitchenNumbers.Located amount, int unitStart, int unitEnd) {}

    /** The make being written: its lines and steps, and the edits so far. */
    private final class Draft {
        final Recipe recipe;
        final boolean jsonLd;
        final List<Line> lines = new ArrayList<>();
        final List<String> steps = new ArrayList<>();
        final boolean[] stepTouched;
        final List<KnownEdit> edits = new ArrayList<>();
        Double servings;
        boolean scaled;

        Draft(Recipe recipe, boolean jsonLd) {
            this.recipe = recipe;
            this.jsonLd = jsonLd;
            for (int i = 0; i < recipe.ingredients().size(); i++) {
                lines.add(new Line(i, recipe.ingredients().get(i)));
            }
            recipe.steps().forEach(step -> steps.add(step.stepText()));
            stepTouched = new boolean[steps.size()];
            servings = recipe.servings();
        }

        KnownEdit apply(Kind kind) {
            if (scaled
                    && (kind == Kind.QUANTITY
                            || kind == Kind.UNIT_AND_QUANTITY
                            || kind == Kind.UNIT_RESTATED
                            || kind == Kind.INGREDIENT_REMOVED
                            || kind == Kind.INGREDIENT_ADDED
                            || kind == Kind.INGREDIENT_SUBSTITUTED
                            || kind == Kind.SPELLING)) {
                return null;
            }
            return switch (kind) {
                case QUANTITY -> quantity();
                case UNIT_AND_QUANTITY -> restated(Kind.UNIT_AND_QUANTITY, 1.5 + random.nextInt(2) * 0.5);
                case UNIT_RESTATED -> restated(Kind.UNIT_RESTATED, 1.0);
                case INGREDIENT_REMOVED -> removed();
                case INGREDIENT_ADDED -> added();
                case INGREDIENT_SUBSTITUTED -> substituted();
                case STEP_TEMPERATURE -> stepNumber(Kind.STEP_TEMPERATURE, TEMPERATURE);
                case STEP_DURATION -> stepNumber(Kind.STEP_DURATION, DURATION);
                case STEP_REWORDED -> reworded();
                case SCALED -> scaled();
                case SPELLING -> spelling();
                case CASE -> nameCase();
                case ENTITY -> entity();
                case SPACING -> spacing();
                case REORDERED -> reordered();
                case STEP_RESTATED -> stepRestated();
            };
        }

        private Line pickLine(java.util.function.Predicate<Line> usable) {
            List<Line> candidates = lines.stream()
                    .filter(l -> !l.touched && l.recipeIndex >= 0)
                    .filter(usable)
                    .toList();
            return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        }

        private int pickStep(java.util.function.Predicate<String> usable) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (!stepTouched[i] && usable.test(steps.get(i))) {
                    candidates.add(i);
                }
            }
            return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
        }

        private KnownEdit quantity() {
            Line line = pickLine(l -> l.quantity != null
                    && l.quantity > 0
                    && (!jsonLd
                            || KitchenNumbers.leadingAmount(l.text) != null
                                    && Math.abs(KitchenNumbers.leadingAmount(l.text)
                                                            .value()
                                                    - l.quantity)
                                            < 1e-9));
            if (line == null) {
                return null;
            }
            double[] factors = {0.5, 1.5, 2, 3};
            double changed = KitchenNumbers.kitchen(line.quantity * factors[random.nextInt(factors.length)]);
            if (Math.abs(changed - line.quantity) < 0.2 * line.quantity) {
                changed = line.quantity + 1;
            }
            String before = KitchenNumbers.write(line.quantity);
            String after = KitchenNumbers.write(changed);
            if (jsonLd) {
                KitchenNumbers.Located amount = KitchenNumbers.leadingAmount(line.text);
                line.text = line.text.substring(0, amount.start()) + after + line.text.substring(amount.end());
            }
            line.quantity = changed;
            line.touched = true;
            return new KnownEdit(Kind.QUANTITY, line.recipeIndex, line.recipeName, null, before + " → " + after);
        }

        /** A volume or mass restated in the other system (× {@code factor}: 1 restates, else changes). */
        private KnownEdit restated(Kind kind, double factor) {
            Line line = pickLine(l -> l.quantity != null
                    && l.quantity > 0
                    && convertible(l.measurement)
                    && (!jsonLd || l.unitAt() != null));
            if (line == null) {
                return null;
            }
            CookingUnit unit = UnitCatalog.find(line.measurement).orElseThrow();
            double base = line.quantity * unit.factorToBase() * factor;
            boolean toMetric = !METRIC.contains(line.measurement.toLowerCase(Locale.ROOT));
            String[] converted = toMetric ? metric(base, unit.dimension()) : customary(base, unit.dimension());
            String before = KitchenNumbers.write(line.quantity) + " " + line.measurement;
            if (jsonLd) {
                Unit at = line.unitAt();
                line.text = line.text.substring(0, at.amount().start()) + converted[0] + " " + converted[1]
                        + line.text.substring(at.unitEnd());
            }
            line.quantity = KitchenNumbers.value(converted[0]);
            line.measurement = converted[1];
            line.touched = true;
            return new KnownEdit(
                    kind, line.recipeIndex, line.recipeName, null, before + " → " + converted[0] + " " + converted[1]);
        }

        private KnownEdit removed() {
            if (lines.size() < 3) {
                return null;
            }
            Line line = pickLine(l -> true);
            if (line == null) {
                return null;
            }
            lines.remove(line);
            return new KnownEdit(Kind.INGREDIENT_REMOVED, line.recipeIndex, line.recipeName, null, line.text);
        }

        private KnownEdit added() {
            List<String> fresh = ADDITIONS.stream()
                    .filter(a -> lines.stream()
                            .noneMatch(l -> overlaps(l.name, lineParser.parse(a).ingredientName())))
                    .toList();
            if (fresh.isEmpty()) {
                return null;
            }
            String text = fresh.get(random.nextInt(fresh.size()));
            Ingredient parsed = lineParser.parse(text);
            Line line = new Line(-1, parsed);
            line.touched = true;
            lines.add(random.nextBoolean() ? lines.size() : random.nextInt(lines.size() + 1), line);
            return new KnownEdit(Kind.INGREDIENT_ADDED, -1, null, parsed.ingredientName(), text);
        }

        private KnownEdit substituted() {
            for (Line line : shuffled()) {
                String lower = line.name.toLowerCase(Locale.ROOT);
                for (Map.Entry<String, String> entry : SUBSTITUTES.entrySet()) {
                    Matcher key = Pattern.compile("\\b" + Pattern.quote(entry.getKey()) + "\\b")
                            .matcher(lower);
                    if (!key.find() || lower.contains(entry.getValue())) {
                        continue;
                    }
                    String newName = entry.getValue();
                    if (jsonLd) {
                        int at = line.text.indexOf(line.name);
                        if (at < 0) {
                            continue;
                        }
                        line.text = line.text.substring(0, at) + newName + line.text.substring(at + line.name.length());
                    }
                    String before = line.name;
                    line.name = newName;
                    line.touched = true;
                    return new KnownEdit(
                            Kind.INGREDIENT_SUBSTITUTED,
                            line.recipeIndex,
                            line.recipeName,
                            newName,
                            before + " → " + newName);
                }
            }
            return null;
        }

        private List<Line> shuffled() {
            List<Line> order = new ArrayList<>(
                    lines.stream().filter(l -> !l.touched && l.recipeIndex >= 0).toList());
            Collections.shuffle(order, random);
            return order;
        }

        private KnownEdit stepNumber(Kind kind, Pattern pattern) {
            int i = pickStep(text -> pattern.matcher(text).find());
            if (i < 0) {
                return null;
            }
            Matcher m = pattern.matcher(steps.get(i));
            m.find();
            int value = Integer.parseInt(m.group(1));
            int changed = kind == Kind.STEP_TEMPERATURE
                    ? value + (random.nextBoolean() ? 25 : -25)
                    : Math.max(value + 5, value * 2);
            steps.set(
                    i,
                    steps.get(i).substring(0, m.start(1))
                            + changed
                            + steps.get(i).substring(m.end(1)));
            stepTouched[i] = true;
            return new KnownEdit(kind, i, null, null, m.group() + " → " + changed + m.group(2));
        }

        private KnownEdit reworded() {
            List<String> words = new ArrayList<>(REWORDINGS.keySet());
            Collections.sort(words);
            Collections.shuffle(words, random);
            for (String word : words) {
                Pattern pattern = Pattern.compile("\\b" + word + "\\b", Pattern.CASE_INSENSITIVE);
                int i = pickStep(text -> pattern.matcher(text).find());
                if (i >= 0) {
                    Matcher m = pattern.matcher(steps.get(i));
                    m.find();
                    String replacement = REWORDINGS.get(word);
                    if (Character.isUpperCase(m.group().charAt(0))) {
                        replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
                    }
                    steps.set(
                            i,
                            steps.get(i).substring(0, m.start())
                                    + replacement
                                    + steps.get(i).substring(m.end()));
                    stepTouched[i] = true;
                    return new KnownEdit(Kind.STEP_REWORDED, i, null, null, m.group() + " → " + replacement);
                }
            }
            return null;
        }

        private KnownEdit scaled() {
            if (!edits.isEmpty() || lines.stream().noneMatch(l -> l.quantity != null && l.quantity > 0)) {
                return null;
            }
            double[] factors = {0.5, 1.5, 2, 3};
            double factor = factors[random.nextInt(factors.length)];
            List<String> texts = new ArrayList<>();
            for (Line line : lines) {
                if (line.quantity == null) {
                    texts.add(line.text);
                    continue;
                }
                if (jsonLd) {
                    String text = scaledText(line, factor);
                    if (text == null) {
                        return null;
                    }
                    texts.add(text);
                } else {
                    texts.add(null);
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.quantity != null) {
                    line.quantity = KitchenNumbers.kitchen(line.quantity * factor);
                    if (jsonLd) {
                        line.text = texts.get(i);
                    }
                }
            }
            if (servings != null) {
                servings = servings * factor;
            }
            scaled = true;
            return new KnownEdit(Kind.SCALED, -1, null, null, "×" + KitchenNumbers.write(factor));
        }

        private String scaledText(Line line, double factor) {
            KitchenNumbers.Located[] range = KitchenNumbers.leadingRange(line.text);
            if (range != null && Math.abs(Math.min(range[0].value(), range[1].value()) - line.quantity) < 1e-9) {
                String text = line.text;
                text = text.substring(0, range[1].start())
                        + KitchenNumbers.write(KitchenNumbers.kitchen(range[1].value() * factor))
                        + text.substring(range[1].end());
                return text.substring(0, range[0].start())
                        + KitchenNumbers.write(KitchenNumbers.kitchen(range[0].value() * factor))
                        + text.substring(range[0].end());
            }
            KitchenNumbers.Located amount = KitchenNumbers.leadingAmount(line.text);
            if (amount == null || Math.abs(amount.value() - line.quantity) > 1e-9) {
                return null;
            }
            return line.text.substring(0, amount.start())
                    + KitchenNumbers.write(KitchenNumbers.kitchen(line.quantity * factor))
                    + line.text.substring(amount.end());
        }

        private KnownEdit spelling() {
            Line line = pickLine(l -> l.measurement != null
                    && SPELLINGS.containsKey(l.measurement.toLowerCase(Locale.ROOT))
                    && (!jsonLd || l.unitAt() != null));
            if (line == null) {
                return null;
            }
            String spelled = SPELLINGS.get(line.measurement.toLowerCase(Locale.ROOT));
            if (jsonLd) {
                Unit at = line.unitAt();
                line.text = line.text.substring(0, at.unitStart()) + spelled + line.text.substring(at.unitEnd());
            }
            String before = line.measurement;
            line.measurement = spelled;
            line.touched = true;
            return new KnownEdit(Kind.SPELLING, line.recipeIndex, line.recipeName, null, before + " → " + spelled);
        }

        private KnownEdit nameCase() {
            Line line = pickLine(l -> !l.name.equals(title(l.name)) && (!jsonLd || l.text.contains(l.name)));
            if (line == null) {
                return null;
            }
            String titled = title(line.name);
            if (jsonLd) {
                int at = line.text.indexOf(line.name);
                line.text = line.text.substring(0, at) + titled + line.text.substring(at + line.name.length());
            }
            String before = line.name;
            line.name = titled;
            line.touched = true;
            return new KnownEdit(Kind.CASE, line.recipeIndex, line.recipeName, null, before + " → " + titled);
        }

        private KnownEdit entity() {
            if (random.nextBoolean()) {
                int i = pickStep(text -> !text.isBlank());
                if (i >= 0) {
                    String before = steps.get(i);
                    String encoded = encode(before);
                    steps.set(i, encoded.equals(before) ? "<p>" + before + "</p>" : encoded);
                    stepTouched[i] = true;
                    return new KnownEdit(Kind.ENTITY, i, null, null, "step " + (i + 1));
                }
            }
            Line line = pickLine(l -> !encode(jsonLd ? l.text : l.name).equals(jsonLd ? l.text : l.name));
            if (line == null) {
                return null;
            }
            if (jsonLd) {
                line.text = encode(line.text);
            } else {
                line.name = encode(line.name);
            }
            line.touched = true;
            return new KnownEdit(Kind.ENTITY, line.recipeIndex, line.recipeName, null, "ingredient");
        }

        private KnownEdit spacing() {
            if (random.nextBoolean() || lines.isEmpty()) {
                int i = pickStep(text -> text.contains(" "));
                if (i >= 0) {
                    steps.set(i, "  " + steps.get(i).replaceFirst(" ", "   ") + " ");
                    stepTouched[i] = true;
                    return new KnownEdit(Kind.SPACING, i, null, null, "step " + (i + 1));
                }
            }
            Line line = pickLine(l -> (jsonLd ? l.text : l.name).contains(" "));
            if (line == null) {
                return null;
            }
            if (jsonLd) {
                line.text = " " + line.text.replaceFirst(" ", "  ") + "  ";
            } else {
                line.name = line.name.replaceFirst(" ", "  ") + " ";
            }
            line.touched = true;
            return new KnownEdit(Kind.SPACING, line.recipeIndex, line.recipeName, null, "ingredient");
        }

        private KnownEdit reordered() {
            if (lines.size() < 3) {
                return null;
            }
            int a = random.nextInt(lines.size());
            int b = (a + 1 + random.nextInt(lines.size() - 1)) % lines.size();
            Collections.swap(lines, a, b);
            return new KnownEdit(Kind.REORDERED, -1, null, null, "ingredients " + (a + 1) + " ⇄ " + (b + 1));
        }

        private KnownEdit stepRestated() {
            int i = pickStep(text ->
                    FAHRENHEIT.matcher(text).find() || MINUTES.matcher(text).find());
            if (i < 0) {
                return null;
            }
            String before = steps.get(i);
            Matcher f = FAHRENHEIT.matcher(before);
            String after;
            if (f.find()) {
                long celsius = Math.round((Integer.parseInt(f.group(1)) - 32) * 5 / 9.0 / 10) * 10;
                after = before.substring(0, f.start()) + celsius + "°C" + before.substring(f.end());
            } else {
                after = MINUTES.matcher(before).replaceFirst("$1mins");
            }
            steps.set(i, after);
            stepTouched[i] = true;
            return new KnownEdit(Kind.STEP_RESTATED, i, null, null, "step " + (i + 1));
        }

        byte[] write() {
            return jsonLd ? jsonLd() : original();
        }

        private byte[] jsonLd() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("@context", "https://schema.org");
            node.put("@type", "Recipe");
            node.put("name", recipe.recipeName());
            if (servings != null) {
                node.put("recipeYield", KitchenNumbers.decimal(servings, 3));
            }
            ArrayNode ingredients = node.putArray("recipeIngredient");
            lines.forEach(line -> ingredients.add(line.text));
            if (!steps.isEmpty()) {
                ArrayNode instructions = node.putArray("recipeInstructions");
                steps.forEach(text ->
                        instructions.addObject().put("@type", "HowToStep").put("text", text));
            }
            try {
                return RecipeJson.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a generated make is not writable", e);
            }
        }

        private byte[] original() {
            List<Ingredient> ingredients = lines.stream()
                    .map(l -> new Ingredient(null, l.quantity, l.measurement, l.name, l.preparation, null))
                    .toList();
            List<Step> written =
                    steps.stream().map(text -> new Step(null, text)).toList();
            Recipe content = new Recipe(1L, recipe.recipeName(), null, servings, ingredients, written);
            return writer.write(new Make(content, null, null, null));
        }
    }

    private static boolean convertible(String measurement) {
        if (measurement == null || measurement.length() < 1) {
            return false;
        }
        return UnitCatalog.find(measurement)
                .map(u -> u.dimension() == Dimension.VOLUME || u.dimension() == Dimension.MASS)
                .orElse(false);
    }

    /** Millilitres or grams, rounded as a cook would: 1 or 2 significant digits within 2.5 %, else 3 digits. */
    private static String[] metric(double base, Dimension dimension) {
        String unit = dimension == Dimension.VOLUME ? "ml" : "g";
        for (int digits = 1; digits <= 2; digits++) {
            String written = KitchenNumbers.decimal(base, digits);
            if (Math.abs(Double.parseDouble(written) - base) <= 0.025 * base) {
                return new String[] {written, unit};
            }
        }
        return new String[] {KitchenNumbers.decimal(base, base < 10 ? 2 : 3), unit};
    }

    /** Teaspoons, tablespoons, cups, ounces or pounds in quarters or eighths within 2.5 %, else 2 decimals. */
    private static String[] customary(double base, Dimension dimension) {
        String unit;
        double size;
        if (dimension == Dimension.VOLUME) {
            unit = base < 14 ? "tsp" : base < 59 ? "tbsp" : "cup";
            size = UnitCatalog.find(unit).orElseThrow().factorToBase();
        } else {
            unit = base < 450 ? "oz" : "lb";
            size = UnitCatalog.find(unit).orElseThrow().factorToBase();
        }
        double amount = base / size;
        for (int denominator : new int[] {4, 8}) {
            double rounded = Math.round(amount * denominator) / (double) denominator;
            if (rounded > 0 && Math.abs(rounded - amount) <= 0.025 * amount) {
                return new String[] {KitchenNumbers.write(rounded), unit};
            }
        }
        return new String[] {KitchenNumbers.decimal(amount, 2), unit};
    }

    private static String title(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return out.toString();
    }

    private static String encode(String text) {
        return text.replaceAll("&(?![#A-Za-z0-9]+;)", "&amp;")
                .replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private static boolean overlaps(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        List<String> other = List.of(y.split("\\W+"));
        return x.contains(y)
                || y.contains(x)
                || List.of(x.split("\\W+")).stream().anyMatch(w -> w.length() > 3 && other.contains(w));
    }
}
