package dev.recipediff.local.chaos;

import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosAccountingTest {

    private final ChaosAccounting accounting = new ChaosAccounting(10, everyFaultOnce(), List.of("DLQ redriven: 0 job(s)"));

    private static ChaosFaults everyFaultOnce() {
        ChaosFaults faults = new ChaosFaults();
        for (Fault fault : Fault.values()) {
            faults.happened(fault);
        }
        return faults;
    }

    @Test
    void fewer_makes_stored_than_make_files_uploaded_are_lost() {
        accounting.makes(1000, 3, 2);

        assertThat(accounting.lost()).isEqualTo(1);
        assertThat(accounting.duplicated()).isZero();
        assertThat(accounting.clean()).isFalse();
    }

    @Test
    void more_makes_stored_than_make_files_uploaded_are_duplicates() {
        accounting.makes(1000, 3, 5);

        assertThat(accounting.duplicated()).isEqualTo(2);
        assertThat(accounting.table()).contains("recipe 1000: 5 make(s) stored for 3 make file(s)");
    }

    @Test
    void an_invalid_file_without_report_or_dead_letter_is_lost() {
        accounting.uploaded(Kind.INVALID, false, false);
        accounting.invalid("k/makes/bad.json", false);

        assertThat(accounting.lost()).isEqualTo(1);
        assertThat(accounting.problems()).containsExactly("no rejection report and not in the DLQ: k/makes/bad.json");
    }

    @Test
    void a_recipe_in_the_dead_letter_queue_is_accounted_for_not_lost() {
        accounting.uploaded(Kind.RECIPE, false, true);
        accounting.recipe("k/recipes/r.json", false, true, false);

        assertThat(accounting.lost()).isZero();
        assertThat(accounting.clean()).isTrue();
    }

    @Test
    void a_stale_dead_letter_of_an_applied_make_counts_as_stored_and_is_noted() {
        accounting.uploaded(Kind.MAKE, false, false);
        accounting.staleDeadLetter("k/makes/m.json", "job sent 2026-11-29T22:00:00Z, received 5 time(s)");
        accounting.makes(1000, 1, 1);

        assertThat(accounting.clean()).isTrue();
        assertThat(accounting.table()).contains("note: stored, and a stale duplicate job of it is in the DLQ",
                "k/makes/m.json — job sent 2026-11-29T22:00:00Z, received 5 time(s)");
    }

    @Test
    void the_table_lists_every_fault_with_how_many_times_it_happened() {
        ChaosFaults faults = everyFaultOnce();
        faults.happened(Fault.SERVE_RESTARTED);
        faults.happened(Fault.API_UNAVAILABLE, "3 s, 7 request(s) refused");

        String table = new ChaosAccounting(10, faults, List.of()).table();

        assertThat(table).contains("   2 x serve stopped gracefully (its SIGTERM path) and restarted",
                "   2 x API answered 503 for a window (3 s, 7 request(s) refused)",
                "   1 x SQS pollers killed (no grace) and restarted", "   1 x S3 notification dropped",
                "   1 x dynalite killed");
    }

    @Test
    void a_fault_that_never_happened_makes_the_run_fail() {
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
    void reconcile_finding_fewer_objects_than_notifications_dropped_is_a_problem() {
        accounting.reconciled(3, 2);

        assertThat(accounting.clean()).isFalse();
        assertThat(accounting.problems()).containsExactly(
                "reconcile re-enqueued 2 object(s) but 3 notification(s) were dropped");
    }

    @Test
    void reconcile_finding_every_object_without_notification_is_clean() {
        accounting.reconciled(3, 3);

        assertThat(accounting.clean()).isTrue();
    }

    @Test
    void a_plan_has_ten_percent_invalid_files_and_makes_of_planned_recipes() {
        List<ChaosPlan.Upload> plan = ChaosPlan.of("chaos", 200, new Random(1));

        assertThat(plan).hasSize(200);
        assertThat(plan.stream().filter(u -> u.kind() == Kind.INVALID)).hasSize(20);
        List<Long> recipes = plan.stream().filter(u -> u.kind() == Kind.RECIPE).map(ChaosPlan.Upload::recipeId).toList();
        assertThat(plan.stream().filter(u -> u.kind() == Kind.MAKE)).allSatisfy(make ->
                assertThat(recipes).contains(make.recipeId()));
    }
}
