package dev.recipediff.local.bench.realworld;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.units.CookingUnit;
import dev.recipediff.core.units.UnitCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores parsed ingredient lines against their labels, as the real-world README asks: quantity within 1 %, units
 * after canonicalising aliases and plurals ("tablespoons" = "tbsp"; none = "unit" = a count), names by token F1.
 */
public final class LineScore {

    private int lines;
    private int quantityRight;
    private int unitRight;
    private double nameF1;

    public void add(LabelledLines label, Ingredient parsed) {
        lines++;
        if (sameQuantity(label.quantity(), parsed.quantity())) {
            quantityRight++;
        }
        if (sameUnit(label.unit(), parsed.measurement())) {
            unitRight++;
        }
        nameF1 += f1(label.name(), parsed.ingredientName());
    }

    public int lines() {
        return lines;
    }

    public double quantity() {
        return lines == 0 ? 0 : (double) quantityRight / lines;
    }

    public double unit() {
        return lines == 0 ? 0 : (double) unitRight / lines;
    }

    public double nameF1() {
        return lines == 0 ? 0 : nameF1 / lines;
    }

    static boolean sameQuantity(Double label, Double parsed) {
        if (label == null || parsed == null) {
            return label == null && parsed == null;
        }
        return Math.abs(label - parsed) <= 0.01 * Math.max(Math.abs(label), Math.abs(parsed));
    }

    static boolean sameUnit(String label, String parsed) {
        boolean labelNone = label == null || label.isBlank();
        boolean parsedNone = parsed == null || parsed.isBlank() || parsed.equals(UnitCatalog.COUNT_UNIT);
        if (labelNone || parsedNone) {
            return labelNone && parsedNone;
        }
        Optional<CookingUnit> a = UnitCatalog.find(label);
        Optional<CookingUnit> b = UnitCatalog.find(parsed);
        if (a.isPresent() && b.isPresent()) {
            return a.get().baseUnit().equals(b.get().baseUnit())
                    && Math.abs(a.get().factorToBase() - b.get().factorToBase()) <= 0.01 * a.get().factorToBase();
        }
        return singular(label).equals(singular(parsed));
    }

    private static String singular(String unit) {
        String key = unit.strip().toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", "");
        return key.endsWith("es") && key.length() > 4 ? key.substring(0, key.length() - 2)
                : key.endsWith("s") && key.length() > 2 ? key.substring(0, key.length() - 1) : key;
    }

    static double f1(String label, String parsed) {
        List<String> expected = tokens(label);
        List<String> found = tokens(parsed);
        if (expected.isEmpty() || found.isEmpty()) {
            return expected.isEmpty() && found.isEmpty() ? 1 : 0;
        }
        List<String> left = new ArrayList<>(found);
        int common = 0;
        for (String token : expected) {
            if (left.remove(token)) {
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / found.size();
        double recall = (double) common / expected.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
