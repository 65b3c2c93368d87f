package dev.recipediff.local.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The soak's verdicts from its samples: is RSS flat, is p99 flat (the last sixth of the run within 10 % of the
 * second sixth — for 60 minutes: the last 10 minutes against minutes 10–20), and how many bytes each store
 * grows per make (a least-squares slope over the samples, with R² to show it is linear).
 */
public record SoakReport(List<SoakSample> samples, double minutes, double rate) {

    /** Allowed drift between the reference window and the last window. */
    public static final double FLAT_TOLERANCE = 0.10;

    public SoakReport {
        samples = List.copyOf(samples);
    }

    /** Mean of {@code metric} over the samples in [from, to) minutes of the run; empty when none. */
    OptionalDouble mean(double fromMinute, double toMinute, ToDoubleFunction<SoakSample> metric) {
        return samples.stream()
                .filter(s -> s.seconds() >= fromMinute * 60 && s.seconds() < toMinute * 60)
                .mapToDouble(metric)
                .average();
    }

    /** Last window / reference window − 1; empty when a window has no sample. */
    public OptionalDouble drift(ToDoubleFunction<SoakSample> metric) {
        double sixth = minutes / 6;
        OptionalDouble reference = mean(sixth, 2 * sixth, metric);
        OptionalDouble last = mean(minutes - sixth, Double.MAX_VALUE, metric);
        if (reference.isEmpty() || last.isEmpty() || reference.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(last.getAsDouble() / reference.getAsDouble() - 1);
    }

    /** Least-squares slope of a store's bytes against makes recorded, and the fit's R². */
    public record Growth(String store, double bytesPerMake, double rSquared) {}

    public List<Growth> diskGrowth() {
        TreeSet<String> stores = new TreeSet<>();
        samples.forEach(s -> stores.addAll(s.diskBytes().keySet()));
        return stores.stream().map(store -> fit(store)).toList();
    }

    private Growth fit(String store) {
        double[] x = samples.stream().mapToDouble(SoakSample::recorded).toArray();
        double[] y = samples.stream()
                .mapToDouble(s -> s.diskBytes().getOrDefault(store, 0L))
                .toArray();
        int n = x.length;
        if (n < 2) {
            return new Growth(store, 0, 0);
        }
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            return new Growth(store, 0, 0);
        }
        double slope = sxy / sxx;
        double rSquared = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new Growth(store, slope, rSquared);
    }

    public void printTable(PrintStream out) {
        List<String> processes = SoakSample.processes(samples);
        List<String> stores = SoakSample.stores(samples);
        StringBuilder header = new StringBuilder("| t (s) | offered | recorded |");
        processes.forEach(p -> header.append(" RSS ").append(p).append(" (MiB) |"));
        header.append(" RSS total (MiB) |");
        stores.forEach(s -> header.append(" disk ").append(s).append(" (MiB) |"));
        header.append(" p50 (ms) | p99 (ms) | queue |");
        out.println(header);
        long columns = header.chars().filter(c -> c == '|').count() - 1;
        out.println("|" + "---|".repeat((int) columns));
        for (SoakSample s : samples) {
            StringBuilder row = new StringBuilder(
                    String.format(Locale.ROOT, "| %.0f | %d | %d |", s.seconds(), s.offered(), s.recorded()));
            processes.forEach(p ->
                    row.append(String.format(Locale.ROOT, " %.0f |", s.rssMiB().getOrDefault(p, 0.0))));
            row.append(String.format(Locale.ROOT, " %.0f |", s.totalRssMiB()));
            stores.forEach(st -> row.append(
                    String.format(Locale.ROOT, " %.1f |", s.diskBytes().getOrDefault(st, 0L) / 1048576.0)));
            row.append(String.format(Locale.ROOT, " %.0f | %.0f | %d |", s.p50Millis(), s.p99Millis(), s.queueDepth()));
            out.println(row);
        }
    }

    public void printVerdicts(PrintStream out) {
        double sixth = minutes / 6;
        out.printf(
                Locale.ROOT,
                "soak: %.1f min at %.1f makes/s offered; %d samples; flat = the last %.1f min within "
                        + "%.0f %% of minutes %.1f-%.1f%n",
                minutes,
                rate,
                samples.size(),
                sixth,
                100 * FLAT_TOLERANCE,
                sixth,
                2 * sixth);
        verdict(out, "RSS total", drift(SoakSample::totalRssMiB));
        verdict(out, "p99 latency", drift(SoakSample::p99Millis));
        for (Growth growth : diskGrowth()) {
            out.printf(
                    Locale.ROOT,
                    "  disk %s: %.0f bytes per make (R^2 %.3f)%n",
                    growth.store(),
                    growth.bytesPerMake(),
                    growth.rSquared());
        }
    }

    private static void verdict(PrintStream out, String what, OptionalDouble drift) {
        if (drift.isEmpty()) {
            out.println("  " + what + ": not enough samples to compare");
            return;
        }
        double d = drift.getAsDouble();
        out.printf(
                Locale.ROOT,
                "  %s: %+.1f %% (%s)%n",
                what,
                100 * d,
                Math.abs(d) <= FLAT_TOLERANCE ? "flat" : "NOT flat");
    }
}
