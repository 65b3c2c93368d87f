package dev.recipediff.functions.observability;

/**
 * RFC 3339 UTC timestamps with milliseconds ({@code 2026-12-05T10:00:00.123Z}) from epoch milliseconds, without
 * {@code java.time}: its formatters cost tens of milliseconds to initialise on a cold start and microseconds per
 * line, while a log line needs only this one shape. The date of the last second written is kept and reused.
 */
final class Rfc3339 {

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    /** The timestamp of {@code epochMillis}; thread-safe. */
    synchronized String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedPrefix = prefix(second);
        }
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        StringBuilder out = new StringBuilder(24).append(cachedPrefix);
        if (millis < 100) {
            out.append('0');
        }
        if (millis < 10) {
            out.append('0');
        }
        return out.append(millis).append('Z').toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.} of an epoch second (proleptic Gregorian, civil-from-days). */
    private static String prefix(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder out = new StringBuilder(20);
        out.append(year).append('-');
        two(out, month).append('-');
        two(out, day).append('T');
        two(out, secondOfDay / 3600).append(':');
        two(out, secondOfDay / 60 % 60).append(':');
        return two(out, secondOfDay % 60).append('.').toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
