package dev.recipediff.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    private static final DateTimeFormatter JAVA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void everyInstantIsWrittenAsJavaTimeWritesIt() {
        Random random = new Random(20261205);
        LongStream.concat(
                        LongStream.of(
                                0,
                                999,
                                1000,
                                951_782_400_000L /* 2000-02-29 */,
                                4_107_542_399_999L /* 2100-02-28 */,
                                1_798_761_599_999L /* 2026-12-31T23:59:59.999 */),
                        random.longs(5000, 0, 253_402_300_799_999L))
                .forEach(millis -> assertThat(new Rfc3339().format(millis))
                        .as("%d", millis)
                        .isEqualTo(JAVA_TIME.format(Instant.ofEpochMilli(millis))));
    }

    @Test
    void theCachedDateOfOneSecondIsNotReusedForTheNext() {
        Rfc3339 timestamps = new Rfc3339();
        long lastMillisOf2026 = 1_798_761_599_999L;

        timestamps.format(lastMillisOf2026);

        assertThat(timestamps.format(lastMillisOf2026 + 1)).isEqualTo("2027-01-01T00:00:00.000Z");
    }
}
