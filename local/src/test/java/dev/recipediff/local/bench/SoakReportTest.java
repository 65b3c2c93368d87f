package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's verdicts: flatness between the second and the last sixth, and disk bytes per make. */
class SoakReportTest {

    /** A 60-minute soak sampled every minute; RSS as {@code rss(minute)}, disk 2,000 bytes per make at 20/s. */
    private static SoakReport sixtyMinutes(java.util.function.IntToDoubleFunction rss) {
        List<SoakSample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 60; minute++) {
            long recorded = minute * 60L * 20;
            samples.add(new SoakSample(
                    minute * 60.0,
                    recorded,
                    recorded,
                    Map.of("java", rss.applyAsDouble(minute)),
                    Map.of("s3", 2_000 * recorded),
                    100,
                    900,
                    3));
        }
        return new SoakReport(samples, 60, 20);
    }

    @Test
    void aFlatRunHasNoDrift() {
        SoakReport report = sixtyMinutes(minute -> 700);

        assertThat(report.drift(SoakSample::totalRssMiB).getAsDouble()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aGrowingRunDriftsByTheLastTenMinutesAgainstMinutesTenToTwenty() {
        SoakReport report = sixtyMinutes(minute -> 500 + 10 * minute);

        // minutes 10..19 average 645 MiB, minutes 50..60 average 1,050 MiB
        assertThat(report.drift(SoakSample::totalRssMiB).getAsDouble()).isCloseTo(1050.0 / 645 - 1, within(1e-9));
    }

    @Test
    void diskGrowthIsTheSlopeInBytesPerMake() {
        SoakReport.Growth growth = sixtyMinutes(minute -> 700).diskGrowth().getFirst();

        assertThat(growth.store()).isEqualTo("s3");
        assertThat(growth.bytesPerMake()).isCloseTo(2_000, within(1e-6));
        assertThat(growth.rSquared()).isCloseTo(1, within(1e-9));
    }
}
