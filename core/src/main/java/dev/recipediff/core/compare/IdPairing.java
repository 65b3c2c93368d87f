package dev.recipediff.core.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs recipe and make items (ingredients or steps) that carry the same id — the first rule of both matchings.
 * Pairs are recorded in two arrays indexed by position: {@code makeOfRecipe[r] = m} and {@code recipeOfMake[m] = r};
 * {@code -1} means unpaired.
 */
final class IdPairing {

    /** An item with its document position and, when the document gives one, its id. */
    interface Identified {
        int index();

        Long id();
    }

    private IdPairing() {}

    static void pairByIds(
            List<? extends Identified> recipe,
            List<? extends Identified> make,
            int[] makeOfRecipe,
            int[] recipeOfMake) {
        int common = Math.min(recipe.size(), make.size());
        boolean allPaired = recipe.size() == make.size();
        for (int i = 0; i < common; i++) { // the usual case: same ids in the same order
            Long id = recipe.get(i).id();
            if (id != null && id.equals(make.get(i).id())) {
                makeOfRecipe[i] = i;
                recipeOfMake[i] = i;
            } else {
                allPaired = false;
            }
        }
        if (allPaired) {
            return;
        }
        Map<Long, Integer> makeById = new HashMap<>();
        for (Identified m : make) {
            if (m.id() != null && recipeOfMake[m.index()] < 0) {
                makeById.putIfAbsent(m.id(), m.index());
            }
        }
        if (makeById.isEmpty()) {
            return;
        }
        for (Identified r : recipe) {
            Integer m = r.id() == null || makeOfRecipe[r.index()] >= 0 ? null : makeById.get(r.id());
            if (m != null && recipeOfMake[m] < 0) {
                makeOfRecipe[r.index()] = m;
                recipeOfMake[m] = r.index();
            }
        }
    }
}
