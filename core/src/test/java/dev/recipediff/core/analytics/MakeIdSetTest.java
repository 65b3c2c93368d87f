package dev.recipediff.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MakeIdSetTest {

    @Test
    void consecutiveIdsCollapseIntoOneRange() {
        MakeIdSet ids = MakeIdSet.empty().with(1).with(3).with(2);

        assertThat(ids.ranges()).containsExactly(new MakeIdSet.Range(1, 3));
        assertThat(ids.size()).isEqualTo(3);
    }

    @Test
    void aGapKeepsTwoRangesUntilItIsFilled() {
        MakeIdSet withGap = MakeIdSet.empty().with(1).with(2).with(5);

        assertThat(withGap.ranges()).containsExactly(new MakeIdSet.Range(1, 2), new MakeIdSet.Range(5, 5));
        assertThat(withGap.contains(3)).isFalse();
        assertThat(withGap.with(3).with(4).ranges()).containsExactly(new MakeIdSet.Range(1, 5));
    }

    @Test
    void addingAnIdTwiceChangesNothing() {
        MakeIdSet ids = MakeIdSet.empty().with(7);

        assertThat(ids.with(7)).isSameAs(ids);
    }
}
