package dev.recipediff.core.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
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


    private void matchByNames() {
        if (!hasUnmatched(makeOfRecipe) || !hasUnmatched(recipeOfMake)) {
            return;
        }
        Map<String, Deque<Integer>> unmatchedMakeByName = new HashMap<>();
        for (PreparedIngredient m : make) {
            if (recipeOfMake[m.index()] < 0) {
                unmatchedMakeByName.computeIfAbsent(m.name(), k -> new ArrayDeque<>()).add(m.index());
            }
        }
        if (unmatchedMakeByName.isEmpty()) {
            return;
        }
        List<PreparedIngredient> waiting = new ArrayList<>();
        for (PreparedIngredient r : recipe) {
            if (makeOfRecipe[r.index()] >= 0) {
                continue;
            }
            Deque<Integer> candidates = unmatchedMakeByName.get(r.name());
            if (candidates == null || candidates.isEmpty()) {
                continue;
            }
            if (candidates.size() == 1) {
                pair(r.index(), candidates.removeFirst());
                continue;
            }
            Integer same = removeSameQuantity(candidates, r);
            if (same != null) {
                pair(r.index(), same);
            } else {
                waiting.add(r);
            }
        }
        for (PreparedIngredient r : waiting) {
            Deque<Integer> candidates = unmatchedMakeByName.get(r.name());
            if (!candidates.isEmpty()) {
                pair(r.index(), candidates.removeFirst());
            }
        }
    }

    private Integer removeSameQuantity(Deque<Integer> candidates, PreparedIngredient r) {
        for (Iterator<Integer> it = candidates.iterator(); it.hasNext(); ) {
            Integer m = it.next();
            if (r.sameAmount(make.get(m), 1.0)) {
                it.remove();
                return m;
            }
        }
        return null;
    }

    /**
     * Pairs removed with added ingredients that took their place: first those in the same gap between matched
     * ingredients with the same amount (after scaling by {@code factor}), then the same amount anywhere, then the
     * same gap in document order.
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
                    boolean sameGap = recipeGap[r] == makeGap[m];
                    boolean sameAmount = recipe.get(r).hasQuantity()
                            && recipe.get(r).sameAmount(make.get(m), factor);
                    boolean accept = switch (pass) {
                        case 0 -> sameGap && sameAmount;
                        case 1 -> sameAmount;
                        default -> sameGap;
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
