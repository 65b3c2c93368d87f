package dev.recipediff.functions.lambda.priming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    private final List<String> ran = new ArrayList<>();

    private PrimingStep recording(String name) {
        return new PrimingStep(name, () -> ran.add(name));
    }

    @Test
    void everyStepRunsOnceInOrderBeforeTheCheckpoint() {
        SnapStartPriming priming = new SnapStartPriming("api", List.of(recording("first"), recording("second")));

        priming.beforeCheckpoint(null);

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aFailingStepIsReportedAndTheFollowingStepsStillRun() {
        SnapStartPriming priming = new SnapStartPriming(
                "api",
                List.of(
                        new PrimingStep("broken", () -> {
                            throw new IllegalStateException("table is gone");
                        }),
                        recording("after")));

        List<String> failed = priming.prime();

        assertThat(failed).containsExactly("broken");
        assertThat(ran).containsExactly("after");
    }

    @Test
    void restoringChangesNothing() {
        SnapStartPriming priming = new SnapStartPriming("api", List.of(recording("step")));

        priming.afterRestore(null);

        assertThat(ran).isEmpty();
    }

    @Test
    void registeringOutsideSnapStartRunsNothing() {
        SnapStartPriming.register(new SnapStartPriming("test", List.of(recording("step"))));

        assertThat(ran).isEmpty();
    }
}
