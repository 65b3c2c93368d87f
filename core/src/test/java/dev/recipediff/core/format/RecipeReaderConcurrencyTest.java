package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecipeReaderConcurrencyTest {

    @Test
    void oneReaderSharedByManyThreadsReadsTheSameRecipes() throws Exception {
        RecipeReader shared = new RecipeReader();
        List<String> samples = List.of("recipes/apple-pie.json", "recipes/pancakes.json", "recipes/shakshuka.jsonld");
        List<Recipe> expected = samples.stream()
                .map(s -> new RecipeReader().readRecipe(SampleFiles.bytes(s)))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Recipe>> results = IntStream.range(0, 300)
                    .mapToObj(i -> pool.submit(() -> shared.readRecipe(SampleFiles.bytes(samples.get(i % 3)))))
                    .toList();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(expected.get(i % 3));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
