package dev.recipediff.local.bench.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.local.bench.LineQuality;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps {@code recipediff bench realworld} working on a tiny folder written for the project (never timing). */
class RealworldBenchSmokeTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RealworldBench bench = new RealworldBench(new PrintStream(printed, true, StandardCharsets.UTF_8));

    @TempDir
    Path written;

    private static Path folder() {
        try {
            return Path.of(RealworldBenchSmokeTest.class
                    .getResource("/realworld-smoke")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private RealworldBench.Report run(Path writeTo) throws Exception {
        Path dir = folder();
        return bench.run(new RealworldBench.Options(
                dir, dir.resolve("ingredient-lines.csv"), 100, 100, 8, 15, 0, written, writeTo));
    }

    @Test
    void theTableHasEveryFigureOfTheIssue() throws Exception {
        RealworldBench.Report report = run(null);

        assertThat(report.rows())
                .extracting(RealworldBench.Row::figure)
                .anySatisfy(f -> assertThat(f).startsWith("real Recipe JSON-LD documents accepted"))
                .anySatisfy(f -> assertThat(f).startsWith("accepted recipes with HTML entities/tags left"))
                .anySatisfy(f -> assertThat(f).startsWith("step count agrees"))
                .anySatisfy(f -> assertThat(f).startsWith("ingredient lines: quantity / unit / name token-F1"))
                .anySatisfy(f -> assertThat(f).startsWith("known edits: recall / precision"))
                .anySatisfy(f -> assertThat(f).startsWith("makes with only equivalent edits reported as exact"));
        assertThat(RealworldBench.table(report.rows())).startsWith("| figure | value | goal |");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("pages 3/3")
                .contains("makes 16/16");
    }

    @Test
    void theFiguresAreSaneOnDocumentsWrittenForTheProject() throws Exception {
        RealworldBench.Report report = run(null);

        assertThat(report.reader().documents()).isEqualTo(3);
        assertThat(report.reader().accepted()).isEqualTo(2); // the broken page is refused
        assertThat(report.reader().withMarkup()).isEmpty();
        assertThat(report.reader().stepsCompared()).isEqualTo(2);
        assertThat(report.reader().stepMismatches()).isEmpty(); // the section headings are not steps
        LineQuality.Report ours = report.lines().getFirst();
        assertThat(ours.parser()).isEqualTo("recipediff");
        assertThat(ours.total().lines()).isEqualTo(5);
        assertThat(ours.sources()).extracting(LineQuality.Score::source).containsExactly("kitchen", "bakery");
        assertThat(ours.total().quantity()).isBetween(0.6, 1.0);
        assertThat(report.knownEdits().makes()).isEqualTo(16);
        assertThat(report.knownEdits().realEdits()).isPositive();
        assertThat(report.knownEdits().recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.knownEdits().precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(report.knownEdits().equivalentExact()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theMakesCanBeWrittenWithTheirPairsAndEdits() throws Exception {
        run(written);

        assertThat(Files.readAllLines(written.resolve("pairs.tsv")))
                .hasSize(16)
                .allSatisfy(line -> assertThat(line).contains("\t").contains("/jsonld/"));
        assertThat(Files.readAllLines(written.resolve("edits.jsonl")))
                .hasSize(16)
                .allSatisfy(line -> assertThat(line).contains("\"edits\":[{\"kind\":"));
        try (var makes = Files.list(written.resolve("makes"))) {
            assertThat(makes.count()).isEqualTo(16);
        }
    }
}
