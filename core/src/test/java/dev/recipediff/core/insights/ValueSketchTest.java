package dev.recipediff.core.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ValueSketchTest {

    @Test
    void theMedianIsExactWhileValuesAreFew() {
        ValueSketch sketch = ValueSketch.empty().plus(375).plus(400).plus(375).plus(350);

        assertThat(sketch.median()).isEqualTo(375.0);
        assertThat(sketch.plus(400).plus(400).median()).isEqualTo(387.5);
    }

    @Test
    void manyDistinctValuesStayBoundedAndTheMedianClose() {
        ValueSketch sketch = ValueSketch.empty();
        for (int i = 1; i <= 1001; i++) {
            sketch = sketch.plus(i * 7 % 1001 + 1);
        }

        assertThat(sketch.values()).hasSize(ValueSketch.MAX_VALUES);
        assertThat(sketch.total()).isEqualTo(1001);
        assertThat(sketch.median()).isCloseTo(501, within(40.0));
    }
}
