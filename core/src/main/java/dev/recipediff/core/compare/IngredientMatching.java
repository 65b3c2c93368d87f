package dev.recipediff.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which recipe ingredient is which make ingredient: first by {@code ingredientId} where both have one, then by
 * normalised name (equal quantities first among same-named ingredients), never by position. What is left is
 * removed (recipe side) or added (make side) until {@link #pairSubstitutions} pairs some of them.
 */
final class IngredientMatching {

    private final List<PreparedIngredient> recipe;
    private final List<PreparedIngredient> make;
    private final int[] makeOfRecipe;
    private final int[] recipeOfMake;
    private final boolean[] substitution;

    private IngredientMatching(List<PreparedIngredient> recipe, List<PreparedIngredient> make) {
        this.recipe = recipe;
        this.make = make;
        this.makeOfRecipe = new int[recipe.size()];
        this.recipeOfMake = new int[make.size()];
        this.substitution = new boolean[recipe.size()];
        Arrays.fill(makeOfRecipe, -1);
        Arrays.fill(recipeOfMake, -1);
    }

    static IngredientMatching match(List<PreparedIngredient> recipe, List<PreparedIngredient> make) {
        IngredientMatching matching = new IngredientMatching(recipe, make);
        IdPairing.pairByIds(recipe, make, matching.makeOfRecipe, matching.recipeOfMake);
        matching.matchByNames();
        return matching;
    }

    List<PreparedIngredient> recipe() {
        return recipe;
    }

    List<PreparedIngredient> make() {
        return make;
    }

    /** The make ingredient paired with recipe ingredient {@code recipeIndex}, or -1. */
    int makeOf(int recipeIndex) {
        return makeOfRecipe[recipeIndex];
    }

    /** The recipe ingredient paired with make ingredient {@code makeIndex}, or -1. */
    int recipeOf(int makeIndex) {
        return recipeOfMake[makeIndex];
    }

    /** Whether the pair of {@code recipeIndex} was made by {@link #pairSubstitutions} rather than by id or name. */
    boolean isSubstitution(int recipeIndex) {
        return substitution[recipeIndex];
    }

    private void pair(int r, int m) {
        makeOfRecipe[r] = m;
        recipeOfMake[m] = r;
    }

    /** Same-named ingredients not yet paired: name → {recipe indexes, make indexes}, resolved once the scale is known. */
    private final Map<String, List<List<Integer>>> pending = new LinkedHashMap<>();

    /**
     * Pairs ingredients by normalised name. A name written once on each side pairs at once; among several
     * same-named ingredients (flour for the dough and flour for dusting) wait for {@link #resolvePending} and the
     * scale, so that a doubled recipe's 2 tbsp of dusting flour is not taken for its 1/4 cup of dough flour.
     */
    private void matchByNames() {
        if (!hasUnmatched(makeOfRecipe) || !hasUnmatched(recipeOfMake)) {
            return;
        }
        Map<String, List<List<Integer>>> byName = new LinkedHashMap<>();
        for (PreparedIngredient r : recipe) {
            if (makeOfRecipe[r.index()] < 0) {
                group(byName, r.name()).get(0).add(r.index());
            }
        }
        for (PreparedIngredient m : make) {
            if (recipeOfMake[m.index()] < 0 && byName.containsKey(m.name())) {
                byName.get(m.name()).get(1).add(m.index());
            }
        }
        for (Map.Entry<String, List<List<Integer>>> entry : byName.entrySet()) {
            List<Integer> rs = entry.getValue().get(0);
            List<Integer> ms = entry.getValue().get(1);
            if (ms.isEmpty()) {
                continue;
            }
            if (rs.size() == 1 && ms.size() == 1) {
                pair(rs.get(0), ms.get(0));
                continue;
            }
            pending.put(entry.getKey(), entry.getValue());
        }
    }

    private static List<List<Integer>> group(Map<String, List<List<Integer>>> byName, String name) {
        return byName.computeIfAbsent(name, k -> List.of(new ArrayList<>(), new ArrayList<>()));
    }

    private void pairEqualAmounts(List<Integer> rs, List<Integer> ms, double factor) {
        for (Iterator<Integer> ri = rs.iterator(); ri.hasNext(); ) {
            PreparedIngredient r = recipe.get(ri.next());
            for (Iterator<Integer> mi = ms.iterator(); mi.hasNext(); ) {
                int m = mi.next();
                if (r.sameAmount(make.get(m), factor)) {
                    pair(r.index(), m);
                    ri.remove();
                    mi.remove();
                    break;
                }
            }
        }
    }

    /** Whether some same-named ingredients wait for the scale. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Pairs the waiting same-named ingredients: equal amounts at {@code factor} first, then as many as both sides
     * have, each with the closest amount (in document order when amounts do not tell); the rest stay removed or
     * added — leaving out one of two flours is a removal, not a change of the other.
     */
    void resolvePending(double factor) {
        for (List<List<Integer>> group : pending.values()) {
            List<Integer> rs = group.get(0);
            List<Integer> ms = group.get(1);
            pairEqualAmounts(rs, ms, factor);
            if (factor != 1.0) {
                pairEqualAmounts(rs, ms, 1.0);
            }
            while (!rs.isEmpty() && !ms.isEmpty()) {
                int bestR = 0;
                int bestM = 0;
                double best = Double.MAX_VALUE;
                for (int i = 0; i < rs.size(); i++) {
                    for (int j = 0; j < ms.size(); j++) {
                        double distance = distance(recipe.get(rs.get(i)), make.get(ms.get(j)), factor);
                        if (distance < best) {
                            best = distance;
                            bestR = i;
                            bestM = j;
                        }
                    }
                }
                pair(rs.remove(bestR), ms.remove(bestM));
            }
        }
        pending.clear();
    }

    /**
     * The factor that pairs the most waiting same-named ingredients by equal amounts, when that is more than at
     * ×1 and at least two — for recipes whose every name appears twice (a cake and its frosting), where the
     * ingredients paired so far cannot tell the scale. 1.0 when none.
     */
    double pendingFactor() {
        List<Double> candidates = new ArrayList<>();
        for (List<List<Integer>> group : pending.values()) {
            for (int r : group.get(0)) {
                for (int m : group.get(1)) {
                    PreparedIngredient before = recipe.get(r);
                    PreparedIngredient after = make.get(m);
                    if (before.quantity() != null
                            && after.quantity() != null
                            && before.quantity().isComparableTo(after.quantity())
                            && before.quantity().value() > 0) {
                        candidates.add(
                                after.quantity().value() / before.quantity().value());
                    }
                }
            }
        }
        double best = 1.0;
        int bestCount = Math.max(1, pairableAt(1.0));
        for (double candidate : candidates) {
            int count = pairableAt(candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private int pairableAt(double factor) {
        int count = 0;
        for (List<List<Integer>> group : pending.values()) {
            List<Integer> ms = new ArrayList<>(group.get(1));
            for (int r : group.get(0)) {
                for (Iterator<Integer> mi = ms.iterator(); mi.hasNext(); ) {
                    if (recipe.get(r).sameAmount(make.get(mi.next()), factor)) {
                        mi.remove();
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }

    /** How far apart two amounts are (|log of their ratio| after scaling); incomparable ones are far. */
    private static double distance(PreparedIngredient r, PreparedIngredient m, double factor) {
        if (r.quantity() == null || m.quantity() == null) {
            return r.quantity() == null && m.quantity() == null ? 0 : 50;
        }
        if (!r.quantity().isComparableTo(m.quantity())
                || r.quantity().value() <= 0
                || m.quantity().value() <= 0) {
            return 100;
        }
        return Math.abs(Math.log(m.quantity().value() / (r.quantity().value() * factor)));
    }

    /**
     * Pairs removed with added ingredients that plausibly took their place: in the same gap between matched
     * ingredients, first a known substitute ({@link Substitutes}) with an amount of the same dimension, then the
     * same amount (after scaling by {@code factor}); then known substitutes anywhere. Butter left out where frozen
     * peas came in is a removal and an addition, whatever the amounts. Anything else stays removed and added.
     */
    void pairSubstitutions(double factor) {
        if (!hasUnmatched(makeOfRecipe) || !hasUnmatched(recipeOfMake)) {
            return;
        }
        int[] recipeGap = recipeGaps();
        int[] makeGap = makeGaps();
        List<Integer> removed = unmatched(makeOfRecipe);
        List<Integer> added = unmatched(recipeOfMake);
        if (removed.isEmpty() || added.isEmpty()) {
            return;
        }
        for (int pass = 0; pass < 3; pass++) {
            for (Iterator<Integer> rs = removed.iterator(); rs.hasNext(); ) {
                int r = rs.next();
                for (Iterator<Integer> ms = added.iterator(); ms.hasNext(); ) {
                    int m = ms.next();
                    PreparedIngredient before = recipe.get(r);
                    PreparedIngredient after = make.get(m);
                    boolean sameGap = recipeGap[r] == makeGap[m];
                    boolean sameAmount = before.hasQuantity() && before.sameAmount(after, factor);
                    boolean plausible = Substitutes.plausible(before.name(), after.name());
                    boolean accept =
                            switch (pass) {
                                case 0 -> sameGap && plausible && Substitutes.comparableAmounts(before, after, factor);
                                case 1 -> sameGap && sameAmount;
                                default -> plausible && Substitutes.comparableAmounts(before, after, factor);
                            };
                    if (accept) {
                        pair(r, m);
                        substitution[r] = true;
                        rs.remove();
                        ms.remove();
                        break;
                    }
                }
            }
        }
    }

    private static boolean hasUnmatched(int[] partners) {
        for (int partner : partners) {
            if (partner < 0) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> unmatched(int[] partners) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < partners.length; i++) {
            if (partners[i] < 0) {
                left.add(i);
            }
        }
        return left;
    }

    /** For each recipe ingredient: the make index of the nearest matched recipe ingredient before it, or -1. */
    private int[] recipeGaps() {
        int[] gaps = new int[recipe.size()];
        int anchor = -1;
        for (int r = 0; r < gaps.length; r++) {
            gaps[r] = anchor;
            if (makeOfRecipe[r] >= 0) {
                anchor = makeOfRecipe[r];
            }
        }
        return gaps;
    }

    /** For each make ingredient: the index of the nearest matched make ingredient before it, or -1. */
    private int[] makeGaps() {
        int[] gaps = new int[make.size()];
        int anchor = -1;
        for (int m = 0; m < gaps.length; m++) {
            gaps[m] = anchor;
            if (recipeOfMake[m] >= 0) {
                anchor = m;
            }
        }
        return gaps;
    }
}
