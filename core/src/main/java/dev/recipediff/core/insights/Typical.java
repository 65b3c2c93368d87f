package dev.recipediff.core.insights;

import dev.recipediff.core.compare.MachineNumbers;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;

/** The recipe's side and the typical value of a consensus change, as a cook reads them. */
final class Typical {

    private Typical() {}

    static Consensus describe(KeyTally tally, double share, Recipe version) {
        ChangeKey key = tally.key();
        Double median = tally.values().median();
        String frequent = tally.texts().mostFrequent();
        Ingredient ingredient = InsightsReport.ingredient(version, key.ingredient());
        Step step = InsightsReport.step(version, key.stepPosition());
        String change = key.change() == null ? "" : key.change();
        switch (key.recipeField()) {
            case "ingredient" -> {
                if ("quantity".equals(key.ingredientField())) {
                    Double quantity = quantity(ingredient, median);
                    if (quantity != null) {
                        return consensus(
                                tally,
                                share,
                                InsightsReport.amount(ingredient, ingredient.quantity()),
                                InsightsReport.amount(ingredient, quantity),
                                quantity,
                                ingredient.measurement() == null
                                        ? null
                                        : ingredient.measurement().strip());
                    }
                    return consensus(
                            tally, share, "×1", median == null ? "" : "×" + MachineNumbers.text(median), median, "×");
                }
                String written = ingredient == null ? key.ingredient() : InsightsReport.line(ingredient);
                return switch (change) {
                    case "added" -> consensus(tally, share, "", orEmpty(frequent), null, null);
                    case "removed" -> consensus(tally, share, written, "", null, null);
                    case "substituted" ->
                        consensus(tally, share, written, frequent != null ? frequent : key.to(), null, null);
                    default ->
                        consensus(
                                tally,
                                share,
                                ingredient == null ? "" : InsightsReport.amount(ingredient, ingredient.quantity()),
                                orEmpty(frequent),
                                null,
                                null);
                };
            }
            case "instruction" -> {
                String text = step == null ? "" : step.stepText();
                if (key.parameter() != null) {
                    return consensus(
                            tally,
                            share,
                            parameterText(tally.recipeValue(), tally.unit()),
                            parameterText(median, tally.unit()),
                            median,
                            tally.unit());
                }
                return switch (change) {
                    case "added" -> consensus(tally, share, "", orEmpty(frequent), null, null);
                    case "removed" -> consensus(tally, share, text, "", null, null);
                    case "reordered" -> consensus(tally, share, text, "moved", null, null);
                    default -> consensus(tally, share, text, orEmpty(frequent), null, null);
                };
            }
            case "scale" -> {
                return consensus(
                        tally, share, "×1", median == null ? "" : "×" + MachineNumbers.text(median), median, "×");
            }
            case "servings" -> {
                return consensus(
                        tally,
                        share,
                        tally.recipeValue() == null ? "" : MachineNumbers.text(tally.recipeValue()),
                        median == null ? orEmpty(frequent) : MachineNumbers.text(median),
                        median,
                        "servings");
            }
            default -> {
                return consensus(tally, share, orEmpty(version.recipeName()), orEmpty(frequent), null, null);
            }
        }
    }

    /** The ingredient's quantity times the typical ratio, to 3 significant digits; {@code null} when unknown. */
    static Double quantity(Ingredient ingredient, Double ratio) {
        if (ingredient == null || ingredient.quantity() == null || ratio == null) {
            return null;
        }
        return MachineNumbers.significant(ingredient.quantity() * ratio, 3);
    }

    /** "375 degrees", "375°F", "50 minutes". */
    static String parameterText(Double value, String unit) {
        if (value == null) {
            return "";
        }
        String number = MachineNumbers.text(value);
        if (unit == null) {
            return number;
        }
        return switch (unit) {
            case "°F", "°C" -> number + unit;
            case "min" -> number + (value == 1 ? " minute" : " minutes");
            default -> number + " " + unit;
        };
    }

    private static Consensus consensus(
            KeyTally tally, double share, String recipe, String typical, Double value, String unit) {
        return new Consensus(
                tally.key(),
                tally.makes(),
                share,
                recipe,
                typical,
                value == null ? null : MachineNumbers.round(value),
                unit);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
