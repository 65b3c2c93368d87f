package dev.recipediff.local.bench;

import java.util.List;
import java.util.Locale;

/**
 * How well recipediff reads real recipe pages ({@link ReaderQuality#measure}): how many schema.org Recipe
 * documents are accepted, how many accepted recipes still hold HTML in a text, and how many have the step count
 * recipe-scrapers found.
 *
 * @param documents        Recipe documents read (files ending in {@code .jsonld})
 * @param refusals         the documents refused, with their problems
 * @param withMarkup       the accepted recipes with an HTML character reference or tag left in some text
 * @param stepsCompared    accepted recipes that have an expected step list and instructions in their JSON-LD
 * @param stepsOnlyInHtml  accepted recipes with an expected step list but no {@code recipeInstructions} in their
 *                         JSON-LD (recipe-scrapers read those steps from the page's HTML); not in the agreement
 * @param stepMismatches   the compared recipes whose step count differs from the expected one
 */
public record ReaderFigures(
        int documents,
        List<Refusal> refusals,
        List<MarkupLeft> withMarkup,
        int stepsCompared,
        int stepsOnlyInHtml,
        List<StepMismatch> stepMismatches) {

    public ReaderFigures {
        refusals = List.copyOf(refusals);
        withMarkup = List.copyOf(withMarkup);
        stepMismatches = List.copyOf(stepMismatches);
    }

    /** A refused document: its file (relative to the measured folder), the code and every problem. */
    public record Refusal(String file, String code, List<String> problems) {}

    /** An accepted recipe with markup left: the file, the field ({@code /steps/3/stepText}) and its text. */
    public record MarkupLeft(String file, String field, String text) {}

    /** A recipe whose step count differs: ours, and the expected one (its section headings not counted). */
    public record StepMismatch(String file, int ours, int expected) {}

    public int accepted() {
        return documents - refusals.size();
    }

    public double acceptedPercent() {
        return percent(accepted(), documents);
    }

    public double markupPercent() {
        return percent(withMarkup.size(), accepted());
    }

    public double stepsAgreePercent() {
        return percent(stepsCompared - stepMismatches.size(), stepsCompared);
    }

    /** The three figures on one line each, as {@code recipediff bench realworld} prints them. */
    public List<String> summary() {
        return List.of(
                String.format(
                        Locale.ROOT,
                        "Recipe documents accepted: %d / %d = %.1f %%",
                        accepted(),
                        documents,
                        acceptedPercent()),
                String.format(
                        Locale.ROOT,
                        "accepted recipes with HTML entities/tags left in a text: %d / %d = %.1f %%",
                        withMarkup.size(),
                        accepted(),
                        markupPercent()),
                String.format(
                        Locale.ROOT,
                        "step count agrees with recipe-scrapers (headings not counted): %d / %d = %.1f %%"
                                + " (%d more recipes have their steps only in the page's HTML: %.1f %% of all)",
                        stepsCompared - stepMismatches.size(),
                        stepsCompared,
                        stepsAgreePercent(),
                        stepsOnlyInHtml,
                        percent(stepsCompared - stepMismatches.size(), stepsCompared + stepsOnlyInHtml)));
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
