package dev.recipediff.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredMake;
import dev.recipediff.functions.testing.EmulatedTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The insights refresh next to the stats view's, against dynalite: per version, missed makes caught up, repeats
 * harmless.
 */
@ExtendWith(DynaliteExtension.class)
class InsightsRefresherIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();

    private static MakeRecords makes;
    private static InsightsTable insights;
    private static InsightsRefresher refresher;
    private static StatsRefresher stats;
    private static EmulatedTable table;
    private static final InsightsBody ANSWERS = new InsightsBody(RecipeJson.mapper());
    private static final Recipe PIE = new RecipeReader()
            .readRecipe(SampleFiles.text("recipes/apple-pie.json").getBytes(StandardCharsets.UTF_8));

    private final String kitchen = "insights-" + KITCHENS.incrementAndGet();

    @BeforeAll
    static void refresher(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "insights-refresh");
        makes = new MakeRecords(table.table());
        insights = new InsightsTable(table.table());
        stats = new StatsRefresher(
                new RecipeStatsTable(table.table()),
                makes,
                new RecipeVersions(table.table()),
                new RecipeReader(),
                RecipeJson.mapper());
        refresher = new InsightsRefresher(insights, makes, stats);
    }

    private StoredMake written(long makeId, long version) {
        StoredMake make = new StoredMake(
                2,
                makeId,
                version,
                true,
                SampleFiles.text("makes/apple-pie.exact.json"),
                "[]",
                Instant.parse("2026-11-20T12:00:00Z").plusSeconds(makeId));
        assertThat(makes.put(kitchen, make, "token-" + makeId)).contains(make);
        return make;
    }

    @Test
    void makesOfTheVersionWhoseRefreshWasMissedAreFoldedInByTheNextRefresh() {
        refresher.refresh(kitchen, written(1, 1), PIE);
        written(2, 1); // its writer died before refreshing
        written(3, 1); // likewise

        InsightsState state = refresher.refresh(kitchen, written(4, 1), PIE);

        assertThat(state.makes()).isEqualTo(4);
        assertThat(insights.find(kitchen, 2, 1).orElseThrow().state().makes()).isEqualTo(4);
    }

    @Test
    void anAccumulatorAnotherInstanceReplacedIsReadAgainAndNoMakeIsLost() {
        InsightsRefresher otherInstance = new InsightsRefresher(insights, makes, stats);
        refresher.refresh(kitchen, written(1, 1), PIE);
        otherInstance.refresh(kitchen, written(2, 1), PIE);

        InsightsState state = refresher.refresh(kitchen, written(3, 1), PIE);

        assertThat(state.makes()).isEqualTo(3);
        InsightsTable.Stored stored = insights.find(kitchen, 2, 1).orElseThrow();
        assertThat(stored.state().makes()).isEqualTo(3);
        assertThat(stored.revision())
                .as("one write per refresh, the stale copy's write refused")
                .isEqualTo(3);
    }

    @Test
    void theStoredAnswerIsTheReportOfTheStoredAccumulator() throws Exception {
        refresher.refresh(kitchen, written(1, 1), PIE);
        refresher.refresh(kitchen, written(2, 1), PIE);

        String answer = insights.body(kitchen, 2, 1, () -> {
                    throw new AssertionError("a stored answer needs no recipe");
                })
                .orElseThrow();

        assertThat(RecipeJson.mapper().readTree(answer).get("makes").asLong()).isEqualTo(2);
        assertThat(answer)
                .isEqualTo(ANSWERS.render(
                        insights.find(kitchen, 2, 1).orElseThrow().state(), PIE));
    }

    @Test
    void anAccumulatorStoredWithoutItsAnswerIsRenderedWhenRead() {
        refresher.refresh(kitchen, written(1, 1), PIE);
        table.table().client().updateItem(update -> update.tableName(
                        table.table().name())
                .key(InsightsTable.key(kitchen, 2, 1).toMap())
                .updateExpression("REMOVE " + InsightsTable.BODY));

        String answer = insights.body(kitchen, 2, 1, () -> PIE).orElseThrow();

        assertThat(answer)
                .isEqualTo(ANSWERS.render(
                        insights.find(kitchen, 2, 1).orElseThrow().state(), PIE));
    }

    @Test
    void aVersionNobodyMadeHasNoStoredAnswer() {
        assertThat(insights.body(kitchen, 2, 7, () -> PIE)).isEmpty();
    }

    @Test
    void eachVersionCountsOnlyItsOwnMakes() {
        refresher.refresh(kitchen, written(1, 1), PIE);
        refresher.refresh(kitchen, written(2, 1), PIE);
        written(3, 1); // missed; of version 1

        refresher.refresh(kitchen, written(4, 2), PIE);

        assertThat(insights.find(kitchen, 2, 1).orElseThrow().state().makes()).isEqualTo(2);
        assertThat(insights.find(kitchen, 2, 2).orElseThrow().state().makes()).isEqualTo(1);
        assertThat(insights.find(kitchen, 2, 2).orElseThrow().seen().contains(3))
                .isTrue();
    }

    @Test
    void refreshingTheSameMakeAgainWritesNothing() {
        StoredMake make = written(1, 1);
        refresher.refresh(kitchen, make, PIE);
        long revision = insights.find(kitchen, 2, 1).orElseThrow().revision();

        refresher.refresh(kitchen, make, PIE);

        assertThat(insights.find(kitchen, 2, 1).orElseThrow().revision()).isEqualTo(revision);
        assertThat(insights.find(kitchen, 2, 1).orElseThrow().state().makes()).isEqualTo(1);
    }
}
