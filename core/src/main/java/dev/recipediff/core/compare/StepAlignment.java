package dev.recipediff.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which recipe step is which make step: by {@code stepId} where both have one; the rest by text — first steps
 * written identically (in-order LCS), then between those anchors an order-preserving alignment (LCS over steps,
 * each pair scored by word similarity), then the best remaining similar pairs in any order (moved steps). Pairs
 * by similarity need a word similarity of at least {@link #THRESHOLD}.
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
        IdPairing.pairByIds(recipe, make, alignment.makeOfRecipe, alignment.recipeOfMake);
        List<PreparedStep> recipeLeft = alignment.unmatchedRecipe(recipe);
        List<PreparedStep> makeLeft = alignment.unmatchedMake(make);
        if (!recipeLeft.isEmpty() && !makeLeft.isEmpty()) {
            alignment.alignIdentical(recipeLeft, makeLeft);
            alignment.alignGaps(recipeLeft, makeLeft);
            alignment.alignMoved(alignment.unmatchedRecipe(recipeLeft), alignment.unmatchedMake(makeLeft));
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

    /** In-order LCS over steps written identically: the anchors the similarity alignment works between. */
    private void alignIdentical(List<PreparedStep> recipe, List<PreparedStep> make) {
        Map<String, Integer> codes = new HashMap<>();
        int[] a = new int[recipe.size()];
        int[] b = new int[make.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = codes.computeIfAbsent(recipe.get(i).text(), k -> codes.size());
        }
        for (int j = 0; j < b.length; j++) {
            Integer code = codes.get(make.get(j).text());
            b[j] = code == null ? -1 : code;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                pair(recipe.get(i).index(), make.get(j).index());
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** Between consecutive anchors, aligns the unmatched steps of both sides by similarity, in order. */
    private void alignGaps(List<PreparedStep> recipe, List<PreparedStep> make) {
        int i = 0;
        int j = 0;
        while (i < recipe.size() || j < make.size()) {
            List<PreparedStep> recipeGap = new ArrayList<>();
            while (i < recipe.size() && makeOfRecipe[recipe.get(i).index()] < 0) {
                recipeGap.add(recipe.get(i++));
            }
            List<PreparedStep> makeGap = new ArrayList<>();
            while (j < make.size() && recipeOfMake[make.get(j).index()] < 0) {
                makeGap.add(make.get(j++));
            }
            if (!recipeGap.isEmpty() && !makeGap.isEmpty()) {
                alignInOrder(recipeGap, makeGap, similarities(recipeGap, makeGap));
            }
            i++;
            j++;
        }
    }

    /** Pairs what is still unmatched, most similar first, regardless of order. */
    private void alignMoved(List<PreparedStep> recipe, List<PreparedStep> make) {
        if (recipe.isEmpty() || make.isEmpty()) {
            return;
        }
        double[][] similarity = similarities(recipe, make);
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < recipe.size(); i++) {
            for (int j = 0; j < make.size(); j++) {
                if (similarity[i][j] >= THRESHOLD) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        candidates.sort((x, y) -> {
            int bySimilarity = Double.compare(similarity[y[0]][y[1]], similarity[x[0]][x[1]]);
            return bySimilarity != 0
                    ? bySimilarity
                    : x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
        });
        for (int[] candidate : candidates) {
            int r = recipe.get(candidate[0]).index();
            int m = make.get(candidate[1]).index();
            if (makeOfRecipe[r] < 0 && recipeOfMake[m] < 0) {
                pair(r, m);
            }
        }
    }
}
