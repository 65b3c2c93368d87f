package dev.recipediff.core.compare;

import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instruction differences of a make: per recipe step (in recipe order) its move, its rewording and each
 * changed temperature or duration — or its removal; then the added steps (in make order). A step whose words
 * differ only in its parameters' numbers gets parameter changes only; changes of case or punctuation are none.
 */
final class StepComparator {

    private final Long recipeId;

    StepComparator(Long recipeId) {
        this.recipeId = recipeId;
    }

    void compare(List<Step> recipeSteps, List<Step> makeSteps, List<Difference> out) {
        List<PreparedStep> recipe = PreparedStep.of(recipeSteps);
        List<PreparedStep> make = PreparedStep.of(makeSteps);
        StepAlignment alignment = StepAlignment.align(recipe, make);
        boolean[] moved = alignment.moved();
        for (PreparedStep r : recipe) {
            int m = alignment.makeOf(r.index());
            if (m < 0) {
                out.add(Difference.of(RecipeField.INSTRUCTION, ChangeKind.REMOVED, recipeId)
                        .stepSides(r.text(), "", r.id())
                        .positions(r.index() + 1, null)
                        .build());
                continue;
            }
            PreparedStep made = make.get(m);
            if (moved[r.index()]) {
                out.add(Difference.of(RecipeField.INSTRUCTION, ChangeKind.REORDERED, recipeId)
                        .stepSides("step " + (r.index() + 1), "step " + (made.index() + 1), stepId(r, made))
                        .positions(r.index() + 1, made.index() + 1)
                        .build());
            }
            if (!r.sameWords(made)) {
                compareTexts(r, made, out);
            }
        }
        for (PreparedStep made : make) {
            if (alignment.recipeOf(made.index()) < 0) {
                out.add(Difference.of(RecipeField.INSTRUCTION, ChangeKind.ADDED, recipeId)
                        .stepSides("", made.text(), made.id())
                        .positions(null, made.index() + 1)
                        .build());
            }
        }
    }

    private void compareTexts(PreparedStep r, PreparedStep made, List<Difference> out) {
        List<StepParameter> before = StepParameters.extract(r.words());
        List<StepParameter> after = StepParameters.extract(made.words());
        List<StepParameter[]> changed = new ArrayList<>(2);
        boolean[] beforePaired = new boolean[before.size()];
        boolean[] afterPaired = new boolean[after.size()];
        for (StepParameterKind kind : StepParameterKind.values()) {
            int i = 0;
            int j = 0;
            while (true) {
                i = next(before, kind, i);
                j = next(after, kind, j);
                if (i < 0 || j < 0) {
                    break;
                }
                beforePaired[i] = true;
                afterPaired[j] = true;
                if (!before.get(i).sameAs(after.get(j))) {
                    changed.add(new StepParameter[] {before.get(i), after.get(j)});
                }
                i++;
                j++;
            }
        }
        String[] maskedBefore = masked(r.words(), before, beforePaired);
        String[] maskedAfter = masked(made.words(), after, afterPaired);
        if (!Arrays.equals(maskedBefore, maskedAfter)) {
            out.add(Difference.of(RecipeField.INSTRUCTION, ChangeKind.MODIFIED, recipeId)
                    .stepSides(r.text(), made.text(), stepId(r, made))
                    .positions(r.index() + 1, made.index() + 1)
                    .wordChanges(WordAlignment.changes(r.words(), made.words()))
                    .build());
        }
        changed.sort((x, y) -> Integer.compare(x[0].numberIndex(), y[0].numberIndex()));
        for (StepParameter[] pair : changed) {
            out.add(Difference.of(RecipeField.INSTRUCTION, ChangeKind.MODIFIED, recipeId)
                    .parameter(pair[0].kind())
                    .stepSides(pair[0].text(), pair[1].text(), stepId(r, made))
                    .recipeValue(pair[0].value(), pair[0].unit())
                    .makeValue(pair[1].value(), pair[1].unit())
                    .positions(r.index() + 1, made.index() + 1)
                    .build());
        }
    }

    private static int next(List<StepParameter> parameters, StepParameterKind kind, int from) {
        for (int i = from; i < parameters.size(); i++) {
            if (parameters.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The words with each paired parameter (number and unit) replaced by one placeholder of its kind, so that
     * "1 hour" → "90 minutes" or "350°F" → "180°C" is a parameter change, not a rewording.
     */
    private static String[] masked(String[] words, List<StepParameter> parameters, boolean[] paired) {
        List<String> masked = new ArrayList<>(words.length);
        int next = 0;
        for (int i = 0; i < parameters.size(); i++) {
            StepParameter parameter = parameters.get(i);
            if (paired[i] && parameter.numberIndex() >= next) {
                masked.addAll(Arrays.asList(words).subList(next, parameter.numberIndex()));
                masked.add("#" + parameter.kind().json());
                next = parameter.numberIndex() + parameter.wordCount();
            }
        }
        masked.addAll(Arrays.asList(words).subList(Math.min(next, words.length), words.length));
        return masked.toArray(new String[0]);
    }

    private static Long stepId(PreparedStep r, PreparedStep made) {
        return r.id() != null ? r.id() : made.id();
    }
}
