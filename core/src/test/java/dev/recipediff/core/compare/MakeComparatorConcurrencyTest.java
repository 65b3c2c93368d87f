package dev.recipediff.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One comparator shared by many threads gives every thread the same answer as a lone caller. */
class MakeComparatorConcurrencyTest {

    @Test
    void aSharedComparatorGivesTheSameDifferencesOnEveryThread() throws Exception {
        // given
        RecipeReader reader = new RecipeReader();
        Recipe recipe = reader.readRecipe(SampleFiles.bytes("recipes/pancakes.json"));
        Make make = reader.readMake(SampleFiles.bytes("makes/pancakes.no-buttermilk.json"));
        MakeComparator shared = new MakeComparator();
        Comparison alone = new MakeComparator().compare(recipe, make);

        // when
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<List<Comparison>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    List<Comparison> seen = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        seen.add(shared.compare(recipe, make));
                    }
                    return seen;
                }));
            }
        } finally {
            threads.shutdown();
        }

        // then
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<List<Comparison>> result : results) {
            assertThat(result.get()).hasSize(200).allSatisfy(c -> assertThat(c).isEqualTo(alone));
        }
        assertThat(alone.differences()).hasSize(6);
    }
}
