package dev.recipediff.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Kind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChaosAccountingTest {

    private final ChaosAccounting accounting =
            new ChaosAccounting(10, everyFaultOnce(), List.of("DLQ redriven: 0 job(s)"));

    private static ChaosFaults everyFaultOnce() {
        ChaosFaults faults = new ChaosFaults();
        for (Fault fault : Fault.values()) {
            faults.happened(fault);
        }
        return faults;
    }

    @Test
    void fewerMakesStoredThanMakeFilesUploadedAreLost() {
        accounting.makes(1000, 3, 2);

        assertThat(accounting.lost()).isEqualTo(1);
        assertThat(accounting.duplicated()).isZero();
        assertThat(accounting.clean()).isFalse();
    }

    @Test
    void moreMakesStoredThanMakeFilesUploadedAreDuplicates() {
        accounting.makes(1000, 3, 5);

        assertThat(accounting.duplicated()).isEqualTo(2);
        assertThat(accounting.table()).contains("recipe 1000: 5 make(s) stored for 3 make file(s)");
    }

    @Test
    void anInvalidFileWithoutReportOrDeadLetterIsLost() {
        accounting.uploaded(Kind.INVALID, false, false);
        accounting.invalid("k/makes/bad.json", false);

        assertThat(accounting.lost()).isEqualTo(1);
        assertThat(accounting.problems()).containsExactly("no rejection report and not in the DLQ: k/makes/bad.json");
    }

    @Test
    void aRecipeInTheDeadLetterQueueIsAccountedForNotLost() {
        accounting.uploaded(Kind.RECIPE, false, true);
        accounting.recipe("k/recipes/r.json", false, true, false);

        assertThat(accounting.lost()).isZero();
        assertThat(accounting.clean()).isTrue();
    }

    @Test
    void aStaleDeadLetterOfAnAppliedMakeCountsAsStoredAndIsNoted() {
        accounting.uploaded(Kind.MAKE, false, false);
        accounting.staleDeadLetter("k/makes/m.json", "job sent 2026-11-29T22:00:00Z, received 5 time(s)");
        accounting.makes(1000, 1, 1);

        assertThat(accounting.clean()).isTrue();
        assertThat(accounting.table())
                .contains(
                        "note: stored, and a stale duplicate job of it is in the DLQ",
                        "k/makes/m.json — job sent 2026-11-29T22:00:00Z, received 5 time(s)");
    }

    @Test
    void theTableListsEveryFaultWithHowManyTimesItHappened() {
        ChaosFaults faults = everyFaultOnce();
        faults.happened(Fault.SERVE_RESTARTED);
        faults.happened(Fault.API_UNAVAILABLE, "3 s, 7 request(s) refused");

        String table = new ChaosAccounting(10, faults, List.of()).table();

        assertThat(table)
                .contains(
                        "   2 x serve stopped gracefully (its SIGTERM path) and restarted",
                        "   2 x API answered 503 for a window (3 s, 7 request(s) refused)",
                        "   1 x SQS pollers killed (no grace) and restarted",
                        "   1 x S3 notification dropped",
                        "   1 x dynalite killed");
    }

    @Test
    void aFaultThatNeverHappenedMakesTheRunFail() {
        ChaosFaults faults = everyFaultOnce();
        ChaosFaults withoutOutage = new ChaosFaults();
        for (Fault fault : Fault.values()) {
            if (fault != Fault.API_UNAVAILABLE) {
                withoutOutage.happened(fault);
            }
        }

        assertThat(new ChaosAccounting(10, faults, List.of()).clean()).isTrue();
        ChaosAccounting missingOne = new ChaosAccounting(10, withoutOutage, List.of());
        assertThat(missingOne.clean()).isFalse();
        assertThat(missingOne.problems()).containsExactly("fault never injected: API answered 503 for a window");
    }

    @Test
    void reconcileFindingFewerObjectsThanNotificationsDroppedIsAProblem() {
        accounting.reconciled(3, 2);

        assertThat(accounting.clean()).isFalse();
        assertThat(accounting.problems())
                .containsExactly("reconcile re-enqueued 2 object(s) but 3 notification(s) were dropped");
    }

    @Test
    void reconcileFindingEveryObjectWithoutNotificationIsClean() {
        accounting.reconciled(3, 3);

        assertThat(accounting.clean()).isTrue();
    }

    @Test
    void aPlanHasTenPercentInvalidFilesAndMakesOfPlannedRecipes() {
        List<ChaosPlan.Upload> plan = ChaosPlan.of("chaos", 200, new Random(1));

        assertThat(plan).hasSize(200);
        assertThat(plan.stream().filter(u -> u.kind() == Kind.INVALID)).hasSize(20);
        List<Long> recipes = plan.stream()
                .filter(u -> u.kind() == Kind.RECIPE)
                .map(ChaosPlan.Upload::recipeId)
                .toList();
        assertThat(plan.stream().filter(u -> u.kind() == Kind.MAKE))
                .allSatisfy(make -> assertThat(recipes).contains(make.recipeId()));
    }
}
