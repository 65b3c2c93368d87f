package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.rejectionOfMake;
import static dev.recipediff.core.format.Documents.rejectionOfRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.testing.SampleFiles;
import org.junit.jupiter.api.Test;

/** The shared samples in {@code samples/invalid}: each is rejected with a clear error, never a Jackson exception. */
class InvalidSamplesTest {

    @Test
    void wrongTypesReportsEveryWrongFieldAtOnce() {
        var rejection = rejectionOfRecipe(SampleFiles.bytes("invalid/wrong-types.json"));

        assertThat(rejection.code()).isEqualTo("invalid_document");
        assertThat(rejection.problems())
                .containsExactly(
                        new Problem("/recipeName", "must be a string"),
                        new Problem("/recipeId", "must be a positive integer"),
                        new Problem("/rating", "must be a number ≥ 0"),
                        new Problem("/ingredients", "must be an array"),
                        new Problem("/steps", "must be an array"));
    }

    @Test
    void negativeQuantityPointsAtTheQuantity() {
        var rejection = rejectionOfMake(SampleFiles.bytes("invalid/negative-quantity.json"));

        assertThat(rejection.code()).isEqualTo("invalid_document");
        assertThat(rejection.problems())
                .containsExactly(new Problem("/ingredients/0/quantity", "must be a number ≥ 0"));
    }

    @Test
    void truncatedIsInvalidJsonAtTheLastCompletePathWithLineAndColumn() {
        var rejection = rejectionOfRecipe(SampleFiles.bytes("invalid/truncated.json"));

        assertThat(rejection.code()).isEqualTo("invalid_json");
        assertThat(rejection.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo("/ingredients/0/measurement");
            assertThat(problem.problem())
                    .startsWith("invalid JSON (line 1, column ")
                    .contains("ends unexpectedly");
        });
    }
}
