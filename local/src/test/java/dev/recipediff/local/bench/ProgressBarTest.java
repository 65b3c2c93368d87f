package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 200, 0);

    @Test
    void theBarFillsWithTheShareDoneAndShowsTheRate() {
        String line = bar.render(150, 100, 2_000_000_000L);

        assertThat(line).isEqualTo("[###############               ] uploaded 150/200  done 100  50/s");
    }

    @Test
    void aLabelledBarNamesWhatItCounts() {
        ProgressBar pages = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "pages", 4, 0);

        assertThat(pages.render(2, 2, 1_000_000_000L)).endsWith("pages 2/4  done 2  2/s");
    }

    @Test
    void redrawsAreThrottledUnlessForced() {
        bar.update(1, 0, 1_000_000_000L, false);
        bar.update(2, 0, 1_050_000_000L, false);
        bar.update(3, 0, 1_060_000_000L, true);

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn)
                .contains("uploaded 1/200")
                .doesNotContain("uploaded 2/200")
                .contains("uploaded 3/200");
    }

    @Test
    void finishingEndsTheLine() {
        bar.finish(200, 200, 4_000_000_000L);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("done 200  50/s" + System.lineSeparator());
    }
}
