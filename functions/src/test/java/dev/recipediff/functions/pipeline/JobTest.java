package dev.recipediff.functions.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTest {

    private static Job make(String key, String versionId, String eTag) {
        return new Job("files", key, versionId, eTag, 100, FileKind.MAKE, "default");
    }

    @Test
    void the_idempotency_key_is_bucket_key_and_etag_when_the_bucket_is_not_versioned() {
        assertThat(make("default/makes/pie.json", null, "abc123").idempotencyKey()).isEqualTo("files/default/makes/pie.json/abc123");
    }

    @Test
    void the_idempotency_key_prefers_the_version_id() {
        assertThat(make("default/makes/pie.json", "v7", "abc123").idempotencyKey()).isEqualTo("files/default/makes/pie.json/v7");
    }

    @Test
    void spaces_and_non_ascii_characters_of_the_key_are_percent_encoded_so_the_header_stays_ascii() {
        String key = make("default/makes/crème brûlée 2+2.json", null, "e1").idempotencyKey();

        assertThat(key).isEqualTo("files/default/makes/cr%C3%A8me%20br%C3%BBl%C3%A9e%202%2B2.json/e1");
        assertThat(key.chars().allMatch(c -> c > 32 && c < 127)).isTrue();
    }

    @Test
    void a_very_long_key_is_replaced_by_its_hash_so_the_header_stays_within_the_apis_limit() {
        String longKey = "default/makes/" + "日本語のレシピ".repeat(45) + ".json";

        String idempotencyKey = make(longKey, null, "e1").idempotencyKey();

        assertThat(longKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(idempotencyKey).matches("files/sha256-[0-9a-f]{64}/e1");
        assertThat(make(longKey + "x", null, "e1").idempotencyKey()).isNotEqualTo(idempotencyKey);
    }

    @Test
    void the_update_of_an_existing_recipe_has_its_own_derived_key() {
        Job job = make("default/recipes/pie.json", null, "e1");

        assertThat(job.updateIdempotencyKey()).isEqualTo("files/default/recipes/pie.json/e1#update");
    }

    @Test
    void quotes_around_the_etag_are_dropped() {
        assertThat(make("default/makes/pie.json", null, "\"abc\"").eTag()).isEqualTo("abc");
    }

    @Test
    void a_job_without_version_id_and_etag_is_refused() {
        assertThatThrownBy(() -> make("default/makes/pie.json", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
