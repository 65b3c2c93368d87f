package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionTrackerTest {

    @Test
    void aRejectionReportKeyNamesTheMakesSequence() {
        String key = "default/rejected/makes/" + GeneratedMake.fileName(1234) + ".error.json";

        assertThat(CompletionTracker.sequenceOfReport(key)).isEqualTo(1234);
    }

    @Test
    void reportsOfOtherFilesAreNotBenchmarkMakes() {
        assertThat(CompletionTracker.sequenceOfReport("default/rejected/makes/apple-pie.json.error.json"))
                .isEqualTo(-1);
        assertThat(CompletionTracker.sequenceOfReport("default/rejected/makes/bench-x.json.error.json"))
                .isEqualTo(-1);
    }
}
