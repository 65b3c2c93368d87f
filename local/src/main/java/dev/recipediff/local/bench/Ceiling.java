package dev.recipediff.local.bench;

import java.util.Locale;

/**
 * What one component allows alone: {@code units} done in {@code seconds} by {@code threads} callers. A unit
 * is the work that component does for one make (an S3 put + get, an SQS send + receive + delete, a
 * DynamoDB put, one make posted to the API, one comparison), so that ceilings compare with makes/s.
 */
public record Ceiling(String component, String unit, long units, double seconds, int threads) {

    public double perSecond() {
        return seconds <= 0 ? 0 : units / seconds;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%-10s %9.0f /s  (%s; %d threads, %d in %.1f s)",
                component,
                perSecond(),
                unit,
                threads,
                units,
                seconds);
    }
}
