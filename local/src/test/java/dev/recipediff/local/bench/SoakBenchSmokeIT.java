package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke CI runs to keep {@code recipediff bench soak} working (issue 20: "CI runs a one-minute smoke"): one
 * minute at 4 makes/s writes its table, samples and chart with sane values. Asserts what was sampled, never how
 * fast.
 */
class SoakBenchSmokeIT {

    @TempDir
    Path dir;

    @Test
    void aOneMinuteSoakSamplesEveryProcessAndStoreAndDrawsTheChart() throws Exception {
        var options = new SoakBench.Options(
                1.0, 4, 5, Duration.ofSeconds(5), dir.resolve("data"), Optional.empty(), dir.resolve("report"), 42);

        SoakBench.Result result =
                SoakBench.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        var samples = result.report().samples();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(11);
        assertThat(samples.getLast().offered()).isGreaterThanOrEqualTo(200);
        assertThat(samples.getLast().recorded()).isPositive();
        assertThat(samples.getLast().rssMiB()).containsKeys("java", "node").allSatisfy((process, mib) -> assertThat(mib)
                .isPositive());
        assertThat(samples.getLast().diskBytes()).containsKeys("s3", "dynamodb", "sqs");
        assertThat(samples.getLast().diskBytes().get("s3"))
                .isGreaterThan(samples.getFirst().diskBytes().get("s3"));
        assertThat(samples).anySatisfy(sample -> assertThat(sample.p99Millis()).isPositive());
        assertThat(Files.readString(result.table())).contains("| t (s) |", "RSS total", "bytes per make");
        assertThat(Files.readAllLines(result.csv())).hasSize(samples.size() + 1);
        BufferedImage chart = ImageIO.read(result.chart().toFile());
        assertThat(chart.getWidth()).isEqualTo(SoakChart.WIDTH);
        assertThat(chart.getHeight()).isGreaterThan(4 * SoakChart.PANEL_HEIGHT);
    }
}
