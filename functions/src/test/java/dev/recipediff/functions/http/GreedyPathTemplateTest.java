package dev.recipediff.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Gateway's greedy last variable, {@code /assets/{path+}}. */
class GreedyPathTemplateTest {

    private final PathTemplate assets = PathTemplate.of("/assets/{path+}");

    @Test
    void a_greedy_variable_takes_the_rest_of_the_path() {
        assertThat(assets.match("/assets/vendor/echarts/echarts.min.js"))
                .contains(Map.of("path", "vendor/echarts/echarts.min.js"));
        assertThat(assets.match("/assets/app.js")).contains(Map.of("path", "app.js"));
    }

    @Test
    void a_greedy_variable_needs_at_least_one_non_empty_segment() {
        assertThat(assets.match("/assets")).isEmpty();
        assertThat(assets.match("/assets/")).isEmpty();
        assertThat(assets.match("/assets//app.js")).isEmpty();
        assertThat(assets.match("/other/app.js")).isEmpty();
    }
}
