package dev.recipediff.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.analytics.ChangeCount;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.testing.EmulatedTable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stats items against dynalite: stored within the bounds, with the answer rendered for the stats route. */
@ExtendWith(DynaliteExtension.class)
class RecipeStatsTableIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();

    private static EmulatedTable table;
    private static RecipeStatsTable stats;

    private final String kitchen = "stats-table-" + KITCHENS.incrementAndGet();

    @BeforeAll
    static void table(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "stats-table");
        stats = new RecipeStatsTable(table.table());
    }

    /** A view of {@code makes} makes, each changing one of {@code ingredients} ingredients (make i: ingredient i). */
    private static RecipeStatsView viewWithIngredientsChanged(int ingredients) {
        Map<String, ChangeCount> changes = new TreeMap<>();
        for (int i = 1; i <= ingredients; i++) {
            changes.put(String.format("ingredient-%03d", i), new ChangeCount("ingredient " + i, i <= 10 ? 5 : 1, i));
        }
        RecipeStatsView empty = RecipeStatsView.empty(2, "Apple Pie");
        return new RecipeStatsView(
                2, "Apple Pie", empty.appliedMakes(), 90, 0, null, null, null, changes, null, null, null, null, null);
    }

    @Test
    void aViewIsStoredWithinTheBoundsWithTheDroppedCountsAsOtherChanges() {
        assertThat(stats.replace(
                        kitchen,
                        new StoredStats(RecipeStatsView.empty(2, "Apple Pie"), 0),
                        viewWithIngredientsChanged(80)))
                .isTrue();

        StoredStats stored = stats.find(kitchen, 2).orElseThrow();

        assertThat(stored.view().ingredientChanges()).hasSize(ViewBounds.MAX_LISTED);
        assertThat(stored.view().ingredientChanges())
                .containsKey("ingredient-001")
                .containsKey("ingredient-010");
        assertThat(stored.other().ingredients()).isEqualTo(80 - ViewBounds.MAX_LISTED);
        assertThat(stored.revision()).isEqualTo(1);
    }

    @Test
    void theStatsRouteReadsTheAnswerRenderedWhenTheViewWasStored() throws Exception {
        stats.replace(
                kitchen, new StoredStats(RecipeStatsView.empty(2, "Apple Pie"), 0), viewWithIngredientsChanged(80));

        JsonNode body = RecipeJson.mapper().readTree(stats.body(kitchen, 2).orElseThrow());

        assertThat(body.path("makes").asLong()).isEqualTo(90);
        assertThat(body.path("mostChangedIngredients")).hasSize(ViewBounds.MAX_LISTED);
        assertThat(body.path("mostChangedIngredients").get(0).path("count").asLong())
                .isEqualTo(5);
        assertThat(body.path("otherChanges").path("ingredients").asLong()).isEqualTo(30);
    }

    @Test
    void theViewAndTheRenderedAnswerAreStoredGzipped() throws Exception {
        RecipeStatsView view = viewWithIngredientsChanged(50);
        stats.replace(kitchen, new StoredStats(RecipeStatsView.empty(2, "Apple Pie"), 0), view);

        Map<String, AttributeValue> item = table.table()
                .client()
                .getItem(get -> get.tableName(table.table().name())
                        .key(RecipeStatsTable.key(kitchen, 2).toMap())
                        .consistentRead(true))
                .item();

        int json = RecipeJson.mapper().writeValueAsString(view).length();
        assertThat(item.get("view").b().asByteArray().length).isLessThan(json / 3);
        assertThat(item.get("statsBody").b()).isNotNull();
        assertThat(stats.find(kitchen, 2).orElseThrow().view()).isEqualTo(view);
    }

    @Test
    void aViewStoredWithoutARenderedAnswerIsRenderedWhenRead() throws Exception {
        Map<String, AttributeValue> item =
                new HashMap<>(RecipeStatsTable.key(kitchen, 2).toMap());
        item.put("view", AttributeValue.fromS(RecipeJson.mapper().writeValueAsString(viewWithIngredientsChanged(3))));
        item.put("rev", AttributeValue.fromN("1"));
        table.table().client().putItem(put -> put.tableName(table.table().name())
                .item(item));

        JsonNode body = RecipeJson.mapper().readTree(stats.body(kitchen, 2).orElseThrow());

        assertThat(body.path("makes").asLong()).isEqualTo(90);
        assertThat(body.path("otherChanges").path("ingredients").asLong()).isZero();
    }

    @Test
    void aRecipeNobodyMadeHasNoStoredAnswer() {
        assertThat(stats.body(kitchen, 2)).isEmpty();
    }
}
