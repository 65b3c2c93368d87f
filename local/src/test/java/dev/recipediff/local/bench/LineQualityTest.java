package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineQualityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tablespoons | Tb",
                "tbsp | EL",
                "c | cups",
                "gr | grams",
                "small handful | handfuls",
                "Scant cup | cup",
                "sprigs | sprig",
                "tins | tin"
            })
    void unitsAreComparedAfterFoldingAliasesPluralsAndQualifiers(String label, String parsed) {
        assertThat(LineQuality.canonicalUnit(label))
                .isEqualTo(LineQuality.canonicalUnit(parsed))
                .isNotEmpty();
    }

    @Test
    void aPlainCountIsNoUnit() {
        assertThat(List.of("unit", "piece", "", "large"))
                .allSatisfy(unit -> assertThat(LineQuality.canonicalUnit(unit)).isEmpty());
    }

    @Test
    void aLabelUnitThatIsOnlyAQualifierIsJudgedByItsNextUnitWord() {
        var line = new LineQuality.LabelledLine(
                "site", "1 heaping tablespoon capers", "capers", 1.0, "heaping", "heaping tablespoon");

        assertThat(LineQuality.unitRight(line, List.of("tablespoon"))).isTrue();
        assertThat(LineQuality.unitRight(line, List.of("cup"))).isFalse();
    }

    @Test
    void quantitiesWithinOnePercentAreRightAndTwoAbsentOnesToo() {
        assertThat(LineQuality.quantityRight(0.333333, 1.0 / 3)).isTrue();
        assertThat(LineQuality.quantityRight(null, null)).isTrue();
        assertThat(LineQuality.quantityRight(2.0, 2.1)).isFalse();
        assertThat(LineQuality.quantityRight(null, 1.0)).isFalse();
    }

    @Test
    void namesAreScoredByTokenF1WithPluralsFolded() {
        assertThat(LineQuality.nameF1("rosemary leaf", "rosemary leaves")).isEqualTo(1.0);
        assertThat(LineQuality.nameF1("fresh tarragon", "tarragon")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(LineQuality.nameF1("salt", "")).isZero();
    }

    @Test
    void aReportCountsEachSourceAndTheTotal() {
        var lines = List.of(
                new LineQuality.LabelledLine("a", "2 cups flour", "flour", 2.0, "cup", "cup"),
                new LineQuality.LabelledLine("b", "3 eggs", "eggs", 3.0, "", ""));

        var report = LineQuality.measure(
                "fixed",
                lines,
                inputs -> List.of(
                        new LineQuality.Reading(2.0, List.of("cups"), "flour"),
                        new LineQuality.Reading(4.0, List.of("unit"), "eggs")));

        assertThat(report.sources()).extracting(LineQuality.Score::source).containsExactly("a", "b");
        assertThat(report.total().quantity()).isEqualTo(0.5);
        assertThat(report.total().unit()).isEqualTo(1.0);
        assertThat(report.total().nameF1()).isEqualTo(1.0);
    }
}
