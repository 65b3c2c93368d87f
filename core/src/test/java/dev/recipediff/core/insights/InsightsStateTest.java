package dev.recipediff.core.insights;

import static dev.recipediff.core.insights.CakeMakes.make;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.analytics.RecordedMake;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightsStateTest {

    @Test
    void aMakeFoldedTwiceCountsOnce() {
        RecordedMake doubled = make().cinnamon(2).rated(5).recorded(1);

        InsightsState once = InsightsState.empty(31, 1).apply(doubled);

        assertThat(once.apply(doubled)).isSameAs(once);
        assertThat(once.makes()).isEqualTo(1);
    }

    @Test
    void aMakeComparedWithAnotherVersionIsLeftOut() {
        RecordedMake otherVersion = new RecordedMake(
                1,
                2,
                make().recorded(1).madeAt(),
                4.0,
                false,
                make().cinnamon(2).recorded(1).differences());

        assertThat(InsightsState.empty(31, 1).apply(otherVersion).makes()).isZero();
    }

    @Test
    void foldingInAnyOrderGivesTheSameState() {
        List<RecordedMake> makes = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            makes.add(make().cinnamon(i % 3 == 0 ? 2 : 1)
                    .salt(i % 4 == 0 ? 1 : 0.5)
                    .oven(i % 2 == 0 ? 375 : 350)
                    .rated(3 + i % 3)
                    .recorded(i));
        }

        InsightsState forward = InsightsState.rebuild(31, 1, makes);

        assertThat(InsightsState.rebuild(31, 1, makes.reversed())).isEqualTo(forward);
    }

    @Test
    void theStateKeepsAtMostMaxKeysAndCountsTheDroppedOnes() {
        InsightsState state = InsightsState.empty(31, 1);
        for (int i = 1; i <= InsightsState.MAX_KEYS + 20; i++) {
            state = state.apply(make().milk("milk number " + i).rated(4).recorded(i));
        }

        assertThat(state.keys()).hasSize(InsightsState.MAX_KEYS);
        assertThat(state.droppedKeys()).isEqualTo(20);
    }

    @Test
    void aKeyFirstSeenAfterADropCountsOnlyTheMakesSinceOnItsWithoutSide() {
        InsightsState state = InsightsState.empty(31, 1);
        long id = 1;
        for (; id <= InsightsState.MAX_KEYS + 1; id++) {
            state = state.apply(make().milk("milk number " + id).rated(1).recorded(id));
        }
        for (int i = 0; i < 3; i++) {
            state = state.apply(make().cinnamon(2).rated(5).recorded(id++));
            state = state.apply(make().rated(4).recorded(id++));
        }

        Effect cinnamon = InsightsReport.effects(state).stream()
                .filter(e -> "cinnamon".equals(e.change().ingredient()))
                .findFirst()
                .orElseThrow();

        assertThat(cinnamon.makesWithout()).isEqualTo(3);
        assertThat(cinnamon.ratingWithout()).isEqualTo(4.0);
    }
}
