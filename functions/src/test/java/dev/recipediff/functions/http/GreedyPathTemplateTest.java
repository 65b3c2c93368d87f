package dev.recipediff.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Gateway's greedy last variable, {@code /assets/{path+}}. */
class GreedyPathTemplateTest {

    private final PathTemplate assets = PathTemplate.of("/assets/{path+}");

    @Test
    void aGreedyVariableTakesTheRestOfThePath() {
        assertThat(assets.match("/assets/vendor/echarts/echarts.min.js"))
                .contains(Map.of("path", "vendor/echarts/echarts.min.js"));
        assertThat(assets.match("/assets/app.js")).contains(Map.of("path", "app.js"));
    }

    @Test
    void aGreedyVariableNeedsAtLeastOneNonEmptySegment() {
        assertThat(assets.match("/assets")).isEmpty();
        assertThat(assets.match("/assets/")).isEmpty();
        assertThat(assets.match("/assets//app.js")).isEmpty();
        assertThat(assets.match("/other/app.js")).isEmpty();
    }
}
