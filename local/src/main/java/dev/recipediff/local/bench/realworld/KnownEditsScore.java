package dev.recipediff.local.bench.realworld;

import dev.recipediff.core.compare.ChangeKind;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.compare.IngredientField;
import dev.recipediff.core.compare.RecipeField;
import dev.recipediff.core.compare.StepParameterKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores reported differences against the recorded edits of known-edits makes.
 *
 * <ul>
 *   <li><b>recall</b>: the share of real edits reported — a quantity or unit change as a quantity or measurement
 *       difference of that ingredient, a removal as {@code removed}, an addition as {@code added}, a substitution
 *       as {@code substituted} (or as the removal and the addition both), a step's temperature or time as that
 *       step's parameter difference, a rewording as that step's {@code wordChanges}, a scaling as one {@code scale}
 *       difference;</li>
 *   <li><b>precision</b>: the share of reported differences that one of the make's real edits explains (a
 *       scaling explains the {@code scale} and {@code servings} differences, nothing per ingredient);</li>
 *   <li><b>equivalent-only exact</b>: the share of makes with only equivalent edits that compare exact.</li>
 * </ul>
 * Ingredients are recognised by name: the difference's normalised name and the edit's share their words (or
 * one's words contain the other's), plurals aside.
 */
public final class KnownEditsScore {

    private int makes;
    private int invalidMakes;
    private int realEdits;
    private int realFound;
    private int differences;
    private int explained;
    private int equivalentOnly;
    private int equivalentExact;

    /** Adds one make's differences; returns the ones no edit explains (for a report of the noise). */
    public List<Difference> add(KnownEditsMake make, List<Difference> reported) {
        makes++;
        List<KnownEdit> real = make.edits().stream().filter(KnownEdit::real).toList();
        for (KnownEdit edit : real) {
            realEdits++;
            if (found(edit, reported)) {
                realFound++;
            }
        }
        differences += reported.size();
        List<Difference> noise = reported.stream()
                .filter(d -> real.stream().noneMatch(e -> explains(e, d)))
                .toList();
        explained += reported.size() - noise.size();
        if (make.equivalentOnly()) {
            equivalentOnly++;
            if (reported.isEmpty()) {
                equivalentExact++;
            }
        }
        return noise;
    }

    /** A make the reader refused (counted apart; its edits count as not found). */
    public void addInvalid(KnownEditsMake make) {
        makes++;
        invalidMakes++;
        realEdits += (int) make.edits().stream().filter(KnownEdit::real).count();
        if (make.equivalentOnly()) {
            equivalentOnly++;
        }
    }

    public int makes() {
        return makes;
    }

    public int invalidMakes() {
        return invalidMakes;
    }

    public int realEdits() {
        return realEdits;
    }

    public int differences() {
        return differences;
    }

    public int equivalentOnlyMakes() {
        return equivalentOnly;
    }

    public double recall() {
        return realEdits == 0 ? 1.0 : (double) realFound / realEdits;
    }

    public double precision() {
        return differences == 0 ? 1.0 : (double) explained / differences;
    }

    public double equivalentExact() {
        return equivalentOnly == 0 ? 1.0 : (double) equivalentExact / equivalentOnly;
    }

    static boolean found(KnownEdit edit, List<Difference> reported) {
        if (edit.kind() == KnownEdit.Kind.INGREDIENT_SUBSTITUTED) {
            boolean substituted = reported.stream()
                    .anyMatch(d -> d.change() == ChangeKind.SUBSTITUTED
                            && ingredient(d)
                            && sameName(d.ingredient(), edit.recipeName()));
            boolean removed = reported.stream()
                    .anyMatch(d -> d.change() == ChangeKind.REMOVED
                            && ingredient(d)
                            && sameName(d.ingredient(), edit.recipeName()));
            boolean added = reported.stream()
                    .anyMatch(d -> d.change() == ChangeKind.ADDED
                            && ingredient(d)
                            && sameName(d.ingredient(), edit.makeName()));
            return substituted || removed && added;
        }
        if (edit.kind() == KnownEdit.Kind.SCALED) {
            return reported.stream().anyMatch(d -> d.recipeField() == RecipeField.SCALE);
        }
        return reported.stream().anyMatch(d -> explains(edit, d));
    }

    static boolean explains(KnownEdit edit, Difference d) {
        return switch (edit.kind()) {
            case SCALED -> d.recipeField() == RecipeField.SCALE || d.recipeField() == RecipeField.SERVINGS;
            case QUANTITY, UNIT_AND_QUANTITY ->
                ingredient(d)
                        && d.change() == ChangeKind.MODIFIED
                        && (d.ingredientField() == IngredientField.QUANTITY
                                || d.ingredientField() == IngredientField.MEASUREMENT)
                        && sameName(d.ingredient(), edit.recipeName());
            case INGREDIENT_REMOVED ->
                ingredient(d) && d.change() == ChangeKind.REMOVED && sameName(d.ingredient(), edit.recipeName());
            case INGREDIENT_ADDED ->
                ingredient(d) && d.change() == ChangeKind.ADDED && sameName(d.ingredient(), edit.makeName());
            case INGREDIENT_SUBSTITUTED ->
                ingredient(d)
                                && (d.change() == ChangeKind.SUBSTITUTED || d.change() == ChangeKind.REMOVED)
                                && sameName(d.ingredient(), edit.recipeName())
                        || ingredient(d) && d.change() == ChangeKind.ADDED && sameName(d.ingredient(), edit.makeName());
            case STEP_TEMPERATURE -> step(d, edit) && d.parameter() == StepParameterKind.TEMPERATURE;
            case STEP_DURATION -> step(d, edit) && d.parameter() == StepParameterKind.DURATION;
            case STEP_REWORDED -> step(d, edit) && d.wordChanges() != null;
            default -> false;
        };
    }

    private static boolean ingredient(Difference d) {
        return d.recipeField() == RecipeField.INGREDIENT;
    }

    private static boolean step(Difference d, KnownEdit edit) {
        return d.recipeField() == RecipeField.INSTRUCTION
                && d.change() == ChangeKind.MODIFIED
                && d.recipePosition() != null
                && d.recipePosition() == edit.recipeIndex() + 1;
    }

    /** Whether two names share their words (one's words within the other's), case and plurals aside. */
    static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y);
        }
        return x.containsAll(y) || y.containsAll(x);
    }

    private static Set<String> words(String name) {
        Set<String> words = new HashSet<>();
        String spaced = name.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
        for (String word : spaced.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words.add(singular(word));
            }
        }
        return words;
    }

    private static String singular(String word) {
        int n = word.length();
        if (n < 4 || !word.endsWith("s") || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("oes") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) {
            return word.substring(0, n - 2);
        }
        return word.substring(0, n - 1);
    }
}
