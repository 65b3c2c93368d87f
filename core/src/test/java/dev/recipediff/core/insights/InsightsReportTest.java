package dev.recipediff.core.insights;

import static dev.recipediff.core.insights.CakeMakes.CAKE;
import static dev.recipediff.core.insights.CakeMakes.make;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.analytics.RecordedMake;
import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InsightsReportTest {

    private static final ChangeKey MORE_CINNAMON =
            new ChangeKey("ingredient", null, "cinnamon", "quantity", null, null, "up", null);
    private static final ChangeKey MORE_SALT =
            new ChangeKey("ingredient", null, "salt", "quantity", null, null, "up", null);
    private static final ChangeKey HOTTER_OVEN =
            new ChangeKey("instruction", null, null, null, "temperature", 1, "up", null);

    private final InsightsReport report = new InsightsReport();

    /**
     * The planted effect: 15 makes with doubled cinnamon rated 5, 15 with the cinnamon as written rated
     * 3.5; more salt in 7 makes of each group, picked at random (no rating pattern); the oven at 375 in 10 makes
     * of each group.
     */
    private static List<RecordedMake> plantedEffect() {
        List<Boolean> saltPattern = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            saltPattern.add(i < 7);
        }
        List<RecordedMake> makes = new ArrayList<>();
        long id = 1;
        for (boolean doubled : List.of(true, false)) {
            Collections.shuffle(saltPattern, new Random(doubled ? 19 : 91));
            for (int i = 0; i < 15; i++) {
                CakeMakes make = make().rated(doubled ? 5 : 3.5).cinnamon(doubled ? 2 : 1);
                if (saltPattern.get(i)) {
                    make.salt(0.75);
                }
                if (i < 10) {
                    make.oven(375);
                }
                makes.add(make.recorded(id++));
            }
        }
        return makes;
    }

    @Test
    void thePlantedCinnamonEffectIsConfidentAndTheRandomSaltIsNot() {
        Insights insights = report.report(InsightsState.rebuild(31, 1, plantedEffect()), CAKE);

        assertThat(insights.makes()).isEqualTo(30);
        assertThat(insights.ratedMakes()).isEqualTo(30);
        assertThat(insights.effectsStatus()).isEqualTo(Insights.OK);
        Effect cinnamon = insights.effects().getFirst();
        assertThat(cinnamon.change()).isEqualTo(MORE_CINNAMON);
        assertThat(cinnamon.confident()).isTrue();
        assertThat(cinnamon.makes()).isEqualTo(15);
        assertThat(cinnamon.ratingWith()).isEqualTo(5.0);
        assertThat(cinnamon.ratingWithout()).isEqualTo(3.5);
        assertThat(cinnamon.delta()).isEqualTo(1.5);
        assertThat(cinnamon.low()).isGreaterThan(0);
        Effect salt = insights.effects().stream()
                .filter(e -> e.change().equals(MORE_SALT))
                .findFirst()
                .orElseThrow();
        assertThat(salt.confident()).isFalse();
        assertThat(salt.makes()).isEqualTo(14);
        assertThat(salt.low()).isLessThan(0);
        assertThat(salt.high()).isGreaterThan(0);
    }

    @Test
    void theConsensusIsTheHotterOvenAndTheDoubledCinnamonWithTheirTypicalValues() {
        Insights insights = report.report(InsightsState.rebuild(31, 1, plantedEffect()), CAKE);

        assertThat(insights.consensus())
                .containsExactly(
                        new Consensus(HOTTER_OVEN, 20, 0.67, "350 degrees", "375 degrees", 375.0, "degrees"),
                        new Consensus(MORE_CINNAMON, 15, 0.5, "1 tsp", "2 tsp", 2.0, "tsp"));
    }

    @Test
    void theSuggestionIsTheVersionWithTheConsensusApplied() {
        InsightsState state = InsightsState.rebuild(31, 1, plantedEffect());

        Suggestion suggestion = report.suggestion(state, CAKE);

        List<Ingredient> expected = new ArrayList<>(CAKE.ingredients());
        expected.set(1, Ingredient.of(2L, 2.0, "tsp", "cinnamon"));
        assertThat(suggestion.recipe())
                .isEqualTo(new Recipe(
                        31L,
                        "Spice Cake",
                        4.0,
                        8.0,
                        expected,
                        List.of(
                                new Step(1L, "Preheat the oven to 375 degrees"),
                                CAKE.steps().get(1),
                                CAKE.steps().get(2))));
        assertThat(suggestion.applied()).containsExactly(HOTTER_OVEN, MORE_CINNAMON);
        assertThat(report.report(state, CAKE).suggestion().toString())
                .contains("\"quantity\":2,\"measurement\":\"tsp\",\"ingredientName\":\"cinnamon\"")
                .contains("Preheat the oven to 375 degrees");
    }

    @Test
    void withTwoRatingsOnASideNoEffectIsInventedAndTheAnswerSaysTooFewMakes() {
        List<RecordedMake> makes = List.of(
                make().cinnamon(2).rated(5).recorded(1),
                make().cinnamon(2).rated(5).recorded(2),
                make().rated(2).recorded(3),
                make().rated(2).recorded(4),
                make().rated(2).recorded(5));

        Insights insights = report.report(InsightsState.rebuild(31, 1, makes), CAKE);

        assertThat(insights.effects()).isEmpty();
        assertThat(insights.effectsStatus()).isEqualTo(Insights.TOO_FEW_MAKES);
        assertThat(insights.minimumRatedMakes()).isEqualTo(3);
    }

    @Test
    void aVersionNobodyChangedHasNoChangesAndNoSuggestion() {
        Insights insights = report.report(
                InsightsState.rebuild(31, 1, List.of(make().rated(4).recorded(1), make().recorded(2))), CAKE);

        assertThat(insights.effectsStatus()).isEqualTo(Insights.NO_CHANGES);
        assertThat(insights.exactMakes()).isEqualTo(2);
        assertThat(insights.consensus()).isEmpty();
        assertThat(insights.suggestion()).isNull();
    }

    @Test
    void aSubstitutionMostCooksMakeIsTheConsensusAndTheSuggestionMakesIt() {
        List<RecordedMake> makes = List.of(
                make().milk("milk").recorded(1),
                make().milk("milk").recorded(2),
                make().milk("whole milk").recorded(3),
                make().milk("milk").recorded(4),
                make().recorded(5));

        Insights insights = report.report(InsightsState.rebuild(31, 1, makes), CAKE);

        ChangeKey toMilk =
                new ChangeKey("ingredient", "substituted", "buttermilk", "ingredientName", null, null, null, "milk");
        assertThat(insights.consensus())
                .containsExactly(new Consensus(toMilk, 3, 0.6, "1 cup buttermilk", "1 cup milk", null, null));
        assertThat(report.suggestion(InsightsState.rebuild(31, 1, makes), CAKE)
                        .recipe()
                        .ingredients()
                        .get(3))
                .isEqualTo(Ingredient.of(4L, 1.0, "cup", "milk"));
    }

    @Test
    void aChangeInFewerThanThreeMakesIsNoConsensusEvenAtHalfTheMakes() {
        List<RecordedMake> makes =
                List.of(make().cinnamon(2).recorded(1), make().cinnamon(2).recorded(2), make().recorded(3));

        assertThat(report.report(InsightsState.rebuild(31, 1, makes), CAKE).consensus())
                .isEmpty();
    }
}
