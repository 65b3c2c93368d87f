package dev.recipediff.core.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchIntervalTest {

    private static Moments of(double... ratings) {
        Moments moments = Moments.none();
        for (double rating : ratings) {
            moments = moments.plus(rating);
        }
        return moments;
    }

    @Test
    void theTQuantileMatchesTheTables() {
        assertThat(WelchInterval.tQuantile(0.975, 10)).isCloseTo(2.228139, within(1e-5));
        assertThat(WelchInterval.tQuantile(0.975, 2)).isCloseTo(4.302653, within(1e-5));
        assertThat(WelchInterval.tQuantile(0.975, 1000)).isCloseTo(1.962339, within(1e-5));
    }

    @Test
    void newtonFromTheCornishFisherStartAgreesWithBisectionForEveryDegreesOfFreedom() {
        for (double df : new double[] {1, 1.5, 2, 2.5, 3, 4.2, 7.3, 10, 30, 100, 1000, 1e5}) {
            assertThat(WelchInterval.tQuantile(0.975, df))
                    .as("df %s", df)
                    .isCloseTo(WelchInterval.bisection(0.975, df), within(1e-8));
        }
    }

    @Test
    void theIntervalIsWelchsWithSatterthwaiteDegreesOfFreedom() {
        // with: mean 4.5, s² = 1/3 (n 4); without: mean 3, s² = 1 (n 5); se² = 1/12 + 1/5; df ≈ 6.93
        WelchInterval interval = WelchInterval.of(of(4, 4.5, 5, 4.5 + 0.0), of(2, 3, 4, 3, 3 + 0.0));

        assertThat(interval.delta()).isCloseTo(1.5, within(1e-12));
        double se =
                Math.sqrt(of(4, 4.5, 5, 4.5).variance() / 4 + of(2, 3, 4, 3, 3).variance() / 5);
        double a = of(4, 4.5, 5, 4.5).variance() / 4;
        double b = of(2, 3, 4, 3, 3).variance() / 5;
        double df = (a + b) * (a + b) / (a * a / 3 + b * b / 4);
        assertThat(interval.high() - interval.delta()).isCloseTo(WelchInterval.tQuantile(0.975, df) * se, within(1e-9));
        assertThat(interval.excludesZero()).isTrue();
    }

    @Test
    void overlappingGroupsGiveAnIntervalAcrossZero() {
        WelchInterval interval = WelchInterval.of(of(3, 5, 4), of(5, 3, 4, 4));

        assertThat(interval.delta()).isCloseTo(0, within(1e-12));
        assertThat(interval.excludesZero()).isFalse();
    }
}
