package dev.recipediff.functions.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.functions.store.StoredVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Parsed recipe versions are reused per version, never for another document, and their number is bounded. */
class ParsedVersionsTest {

    private static final String APPLE_PIE = SampleFiles.text("recipes/apple-pie.json");
    private static final String HOTTER = SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json");

    private final ParsedVersions parsed = new ParsedVersions(new RecipeReader());

    private static StoredVersion version(long recipeId, long version, String document) {
        return new StoredVersion(recipeId, version, document, Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void aVersionIsParsedOnceAndThenReused() {
        Recipe first = parsed.recipe("k", version(2, 1, APPLE_PIE));

        Recipe again = parsed.recipe("k", version(2, 1, APPLE_PIE));

        assertThat(again).isSameAs(first);
        assertThat(first.recipeName()).isEqualTo("Apple Pie");
    }

    @Test
    void anotherKitchensVersionWithTheSameNumbersIsParsedOnItsOwn() {
        Recipe mine = parsed.recipe("k", version(2, 1, APPLE_PIE));

        Recipe theirs = parsed.recipe("other", version(2, 1, APPLE_PIE));

        assertThat(theirs).isNotSameAs(mine).isEqualTo(mine);
    }

    @Test
    void aDifferentDocumentUnderTheSameKeyIsNeverAnsweredFromTheCache() {
        Recipe before = parsed.recipe("k", version(2, 1, APPLE_PIE));

        Recipe after = parsed.recipe("k", version(2, 1, HOTTER));

        assertThat(after).isNotEqualTo(before);
        assertThat(parsed.size()).isEqualTo(1);
    }

    @Test
    void theCacheKeepsAtMostItsBoundOfVersions() {
        for (long version = 1; version <= ParsedVersions.MAX_ENTRIES + 20; version++) {
            parsed.recipe("k", version(2, version, APPLE_PIE));
        }

        assertThat(parsed.size()).isEqualTo(ParsedVersions.MAX_ENTRIES);
    }
}
