package dev.recipediff.core.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a change took across makes (2× the cinnamon, 375 degrees), kept as sorted distinct values with
 * their counts — exact while there are at most {@link #MAX_VALUES} distinct values (the usual case: cooks
 * double, halve, or set the oven to a round number). Beyond that the two closest neighbours are merged into
 * their weighted mean, so the median stays close and the state bounded.
 *
 * @param values sorted ascending, distinct
 * @param counts how many makes took each value
 */
public record ValueSketch(List<Double> values, List<Long> counts) {

    public static final int MAX_VALUES = 32;

    public ValueSketch {
        values = values == null ? List.of() : List.copyOf(values);
        counts = counts == null ? List.of() : List.copyOf(counts);
        if (values.size() != counts.size()) {
            throw new IllegalArgumentException("values and counts differ in length");
        }
    }

    public static ValueSketch empty() {
        return new ValueSketch(List.of(), List.of());
    }

    public ValueSketch plus(double value) {
        List<Double> v = new ArrayList<>(values);
        List<Long> c = new ArrayList<>(counts);
        int at = 0;
        while (at < v.size() && v.get(at) < value - tolerance(value)) {
            at++;
        }
        if (at < v.size() && Math.abs(v.get(at) - value) <= tolerance(value)) {
            c.set(at, c.get(at) + 1);
        } else {
            v.add(at, value);
            c.add(at, 1L);
        }
        if (v.size() > MAX_VALUES) {
            mergeClosest(v, c);
        }
        return new ValueSketch(v, c);
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** The median of the values (the mean of the two middle ones for an even count); {@code null} when empty. */
    public Double median() {
        long total = total();
        if (total == 0) {
            return null;
        }
        double lower = at((total - 1) / 2);
        double upper = at(total / 2);
        return (lower + upper) / 2;
    }

    /** The value of the {@code rank}-th make (0-based) in ascending order. */
    private double at(long rank) {
        long seen = 0;
        for (int i = 0; i < values.size(); i++) {
            seen += counts.get(i);
            if (rank < seen) {
                return values.get(i);
            }
        }
        return values.getLast();
    }

    private static double tolerance(double value) {
        return Math.abs(value) * 1e-6 + 1e-12;
    }

    private static void mergeClosest(List<Double> v, List<Long> c) {
        int best = 0;
        for (int i = 1; i + 1 < v.size(); i++) {
            if (v.get(i + 1) - v.get(i) < v.get(best + 1) - v.get(best)) {
                best = i;
            }
        }
        long n = c.get(best) + c.get(best + 1);
        double mean = (v.get(best) * c.get(best) + v.get(best + 1) * c.get(best + 1)) / n;
        v.set(best, mean);
        c.set(best, n);
        v.remove(best + 1);
        c.remove(best + 1);
    }
}
