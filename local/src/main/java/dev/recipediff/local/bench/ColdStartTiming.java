package dev.recipediff.local.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per function and mode: process start → handled (and → primed, → constructed), in ms, and the process's CPU
 * time (all threads) when it had handled the event.
 */
public record ColdStartTiming(
        String function,
        boolean primed,
        List<Double> handledMillis,
        List<Double> primedMillis,
        List<Double> constructedMillis,
        List<Double> cpuMillis) {

    void print(PrintStream out) {
        if (primed) {
            List<Double> afterPriming = new ArrayList<>();
            for (int i = 0; i < handledMillis.size(); i++) {
                afterPriming.add(handledMillis.get(i) - primedMillis.get(i));
            }
            out.printf(
                    Locale.ROOT,
                    "  %-10s primed   start->primed median %6.0f ms p90 %6.0f ms; first event after priming median %5.0f ms p90 %5.0f ms (n=%d)%n",
                    function,
                    median(primedMillis),
                    p90(primedMillis),
                    median(afterPriming),
                    p90(afterPriming),
                    handledMillis.size());
        } else {
            out.printf(
                    Locale.ROOT,
                    "  %-10s plain    start->first event handled median %6.0f ms p90 %6.0f ms min %6.0f ms (n=%d); "
                            + "start->constructed median %6.0f ms; CPU median %6.0f ms min %6.0f ms%n",
                    function,
                    median(handledMillis),
                    p90(handledMillis),
                    percentile(handledMillis, 0),
                    handledMillis.size(),
                    median(constructedMillis),
                    median(cpuMillis),
                    percentile(cpuMillis, 0));
        }
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double p90(List<Double> values) {
        return percentile(values, 90);
    }

    static double percentile(List<Double> values, double percentile) {
        long[] nanos =
                values.stream().mapToLong(v -> Math.round(v * 1e6)).sorted().toArray();
        return nanos.length == 0 ? 0 : LatencySummary.rank(nanos, percentile) / 1e6;
    }
}
