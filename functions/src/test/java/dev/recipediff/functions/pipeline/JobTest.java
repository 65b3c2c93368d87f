package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobTest {

    private static Job make(String key, String versionId, String eTag) {
        return new Job("files", key, versionId, eTag, 100, FileKind.MAKE, "default");
    }

    @Test
    void theIdempotencyKeyIsBucketKeyAndEtagWhenTheBucketIsNotVersioned() {
        assertThat(make("default/makes/pie.json", null, "abc123").idempotencyKey())
                .isEqualTo("files/default/makes/pie.json/abc123");
    }

    @Test
    void theIdempotencyKeyPrefersTheVersionId() {
        assertThat(make("default/makes/pie.json", "v7", "abc123").idempotencyKey())
                .isEqualTo("files/default/makes/pie.json/v7");
    }

    @Test
    void spacesAndNonAsciiCharactersOfTheKeyArePercentEncodedSoTheHeaderStaysAscii() {
        String key = make("default/makes/crème brûlée 2+2.json", null, "e1").idempotencyKey();

        assertThat(key).isEqualTo("files/default/makes/cr%C3%A8me%20br%C3%BBl%C3%A9e%202%2B2.json/e1");
        assertThat(key.chars().allMatch(c -> c > 32 && c < 127)).isTrue();
    }

    @Test
    void aVeryLongKeyIsReplacedByItsHashSoTheHeaderStaysWithinTheApisLimit() {
        String longKey = "default/makes/" + "日本語のレシピ".repeat(45) + ".json";

        String idempotencyKey = make(longKey, null, "e1").idempotencyKey();

        assertThat(longKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(1024);
        assertThat(idempotencyKey).matches("files/sha256-[0-9a-f]{64}/e1");
        assertThat(make(longKey + "x", null, "e1").idempotencyKey()).isNotEqualTo(idempotencyKey);
    }

    @Test
    void theUpdateOfAnExistingRecipeHasItsOwnDerivedKey() {
        Job job = make("default/recipes/pie.json", null, "e1");

        assertThat(job.updateIdempotencyKey()).isEqualTo("files/default/recipes/pie.json/e1#update");
    }

    @Test
    void quotesAroundTheEtagAreDropped() {
        assertThat(make("default/makes/pie.json", null, "\"abc\"").eTag()).isEqualTo("abc");
    }

    @Test
    void aJobWithoutVersionIdAndEtagIsRefused() {
        assertThatThrownBy(() -> make("default/makes/pie.json", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
