package dev.recipediff.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredMake;
import dev.recipediff.functions.testing.EmulatedTable;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stats refresh on the make-write path, against dynalite: missed makes caught up, repeats harmless. */
@ExtendWith(DynaliteExtension.class)
class StatsRefresherIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();
    private static final Optional<String> NAME = Optional.of("Apple Pie");

    private static MakeRecords makes;
    private static RecipeStatsTable stats;
    private static StatsRefresher refresher;
    private static EmulatedTable table;

    private final String kitchen = "refresh-" + KITCHENS.incrementAndGet();

    @BeforeAll
    static void refresher(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "refresh");
        makes = new MakeRecords(table.table());
        stats = new RecipeStatsTable(table.table());
        refresher = new StatsRefresher(
                stats, makes, new RecipeVersions(table.table()), new RecipeReader(), RecipeJson.mapper());
    }

    private StoredMake written(long makeId) {
        StoredMake make = new StoredMake(
                2,
                makeId,
                1,
                true,
                SampleFiles.text("makes/apple-pie.exact.json"),
                "[]",
                Instant.parse("2026-11-20T12:00:00Z").plusSeconds(makeId));
        assertThat(makes.put(kitchen, make, "token-" + makeId)).contains(make);
        return make;
    }

    @Test
    void makesWhoseRefreshWasMissedAreFoldedInByTheNextRefresh() {
        refresher.refresh(kitchen, written(1), NAME);
        written(2); // its writer died before refreshing
        written(3); // likewise

        RecipeStatsView view = refresher.refresh(kitchen, written(4), NAME);

        assertThat(view.makes()).isEqualTo(4);
        assertThat(stats.find(kitchen, 2).orElseThrow().view().makes()).isEqualTo(4);
    }

    @Test
    void aViewAnotherInstanceReplacedIsReadAgainAndNoMakeIsLost() {
        StatsRefresher otherInstance = new StatsRefresher(
                stats, makes, new RecipeVersions(table.table()), new RecipeReader(), RecipeJson.mapper());
        refresher.refresh(kitchen, written(1), NAME);
        otherInstance.refresh(kitchen, written(2), NAME);

        RecipeStatsView view = refresher.refresh(kitchen, written(3), NAME);

        assertThat(view.makes()).isEqualTo(3);
        assertThat(stats.find(kitchen, 2).orElseThrow().view().makes()).isEqualTo(3);
    }

    @Test
    void aRefreshOutOfOrderCountsEveryMakeOnce() {
        StoredMake first = written(1);
        StoredMake second = written(2);

        refresher.refresh(kitchen, second, NAME);
        refresher.refresh(kitchen, first, NAME);

        assertThat(stats.find(kitchen, 2).orElseThrow().view().makes()).isEqualTo(2);
    }

    @Test
    void refreshingTheSameMakeAgainWritesNothing() {
        StoredMake make = written(1);
        refresher.refresh(kitchen, make, NAME);
        long revision = stats.find(kitchen, 2).orElseThrow().revision();

        refresher.refresh(kitchen, make, NAME);

        assertThat(stats.find(kitchen, 2).orElseThrow().revision()).isEqualTo(revision);
        assertThat(stats.find(kitchen, 2).orElseThrow().view().makes()).isEqualTo(1);
    }

    @Test
    void theRecipeNameGivenByTheWriterIsTheViewsName() {
        refresher.refresh(kitchen, written(1), Optional.of("Grandma's Apple Pie"));

        assertThat(stats.find(kitchen, 2).orElseThrow().view().recipeName()).isEqualTo("Grandma's Apple Pie");
    }
}
