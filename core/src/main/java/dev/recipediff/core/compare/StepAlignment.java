package dev.recipediff.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which recipe step is which make step: by {@code stepId} where both have one; the rest by text — first an
 * order-preserving alignment (LCS over steps, each pair scored by word similarity), then the best remaining
 * similar pairs in any order (moved steps). Pairs need a word similarity of at least {@link #THRESHOLD}.
 */
final class StepAlignment {

    /** Minimum {@link WordAlignment#similarity} for two steps without ids to be one step. */
    static final double THRESHOLD = 0.5;

    private final int[] makeOfRecipe;
    private final int[] recipeOfMake;

    private StepAlignment(int recipeSteps, int makeSteps) {
        makeOfRecipe = new int[recipeSteps];
        recipeOfMake = new int[makeSteps];
        Arrays.fill(makeOfRecipe, -1);
        Arrays.fill(recipeOfMake, -1);
    }

    static StepAlignment align(List<PreparedStep> recipe, List<PreparedStep> make) {
        StepAlignment alignment = new StepAlignment(recipe.size(), make.size());
        alignment.alignByIds(recipe, make);
        List<PreparedStep> recipeLeft = alignment.unmatchedRecipe(recipe);
        List<PreparedStep> makeLeft = alignment.unmatchedMake(make);
        if (!recipeLeft.isEmpty() && !makeLeft.isEmpty()) {
            double[][] similarity = similarities(recipeLeft, makeLeft);
            alignment.alignInOrder(recipeLeft, makeLeft, similarity);
            alignment.alignMoved(recipeLeft, makeLeft, similarity);
        }
        return alignment;
    }

    int makeOf(int recipeIndex) {
        return makeOfRecipe[recipeIndex];
    }

    int recipeOf(int makeIndex) {
        return recipeOfMake[makeIndex];
    }

    /**
     * Which recipe steps moved: paired steps outside the longest run of pairs whose make positions increase with
     * their recipe positions.
     */
    boolean[] moved() {
        int n = makeOfRecipe.length;
        boolean[] moved = new boolean[n];
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int r = 0; r < n; r++) {
            int m = makeOfRecipe[r];
            if (m < 0) {
                continue;
            }
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (makeOfRecipe[tailIndex[mid]] < m) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[r] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = r;
            if (lo == length) {
                length++;
            }
        }
        for (int r = 0; r < n; r++) {
            moved[r] = makeOfRecipe[r] >= 0;
        }
        for (int r = length > 0 ? tailIndex[length - 1] : -1; r >= 0; r = previous[r]) {
            moved[r] = false;
        }
        return moved;
    }

    private void pair(int r, int m) {
        makeOfRecipe[r] = m;
        recipeOfMake[m] = r;
    }

    private void alignByIds(List<PreparedStep> recipe, List<PreparedStep> make) {
        Map<Long, Integer> makeById = new HashMap<>();
        for (PreparedStep m : make) {
            if (m.id() != null) {
                makeById.putIfAbsent(m.id(), m.index());
            }
        }
        if (makeById.isEmpty()) {
            return;
        }
        for (PreparedStep r : recipe) {
            Integer m = r.id() == null ? null : makeById.get(r.id());
            if (m != null && recipeOfMake[m] < 0) {
                pair(r.index(), m);
            }
        }
    }

    private List<PreparedStep> unmatchedRecipe(List<PreparedStep> recipe) {
        List<PreparedStep> left = new ArrayList<>();
        for (PreparedStep r : recipe) {
            if (makeOfRecipe[r.index()] < 0) {
                left.add(r);
            }
        }
        return left;
    }

    private List<PreparedStep> unmatchedMake(List<PreparedStep> make) {
        List<PreparedStep> left = new ArrayList<>();
        for (PreparedStep m : make) {
            if (recipeOfMake[m.index()] < 0) {
                left.add(m);
            }
        }
        return left;
    }

    private static double[][] similarities(List<PreparedStep> recipe, List<PreparedStep> make) {
        double[][] similarity = new double[recipe.size()][make.size()];
        for (int i = 0; i < recipe.size(); i++) {
            for (int j = 0; j < make.size(); j++) {
                PreparedStep r = recipe.get(i);
                PreparedStep m = make.get(j);
                similarity[i][j] = r.sameWords(m) ? 1.0 : WordAlignment.similarity(r.words(), m.words());
            }
        }
        return similarity;
    }

    /** Weighted LCS over the two step lists: the in-order pairing with the largest total similarity. */
    private void alignInOrder(List<PreparedStep> recipe, List<PreparedStep> make, double[][] similarity) {
        int a = recipe.size();
        int b = make.size();
        double[][] best = new double[a + 1][b + 1];
        for (int i = a - 1; i >= 0; i--) {
            for (int j = b - 1; j >= 0; j--) {
                double skip = Math.max(best[i + 1][j], best[i][j + 1]);
                double take = similarity[i][j] >= THRESHOLD ? best[i + 1][j + 1] + similarity[i][j] : -1;
                best[i][j] = Math.max(skip, take);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a && j < b) {
            if (similarity[i][j] >= THRESHOLD && best[i][j] == best[i + 1][j + 1] + similarity[i][j]) {
                pair(recipe.get(i).index(), make.get(j).index());
                i++;
                j++;
            } else if (best[i][j] == best[i + 1][j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** Pairs what is still unmatched, most similar first, regardless of order. */
    private void alignMoved(List<PreparedStep> recipe, List<PreparedStep> make, double[][] similarity) {
        while (true) {
            int bestI = -1;
            int bestJ = -1;
            double bestScore = THRESHOLD;
            for (int i = 0; i < recipe.size(); i++) {
                if (makeOfRecipe[recipe.get(i).index()] >= 0) {
                    continue;
                }
                for (int j = 0; j < make.size(); j++) {
                    if (recipeOfMake[make.get(j).index()] < 0 && similarity[i][j] >= bestScore
                            && (bestI < 0 || similarity[i][j] > bestScore)) {
                        bestScore = similarity[i][j];
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                return;
            }
            pair(recipe.get(bestI).index(), make.get(bestJ).index());
        }
    }
}
