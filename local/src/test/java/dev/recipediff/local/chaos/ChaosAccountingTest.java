package dev.recipediff.local.chaos;

import dev.recipediff.local.chaos.ChaosPlan.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosAccountingTest {

    private final ChaosAccounting accounting = new ChaosAccounting(10, 1, List.of("serve restarted"));

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
    void a_stored_recipe_with_a_stale_job_in_the_dead_letter_queue_is_noted() {
        accounting.uploaded(Kind.RECIPE, false, true);
        accounting.recipe("k/recipes/r.json", true, true, false);

        assertThat(accounting.lost()).isZero();
        assertThat(accounting.table()).contains("note: stored, and a stale duplicate job of it is in the DLQ");
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
