package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The shared mapper other modules use to read untrusted JSON directly. */
class RecipeJsonTest {

    @Test
    void is_one_shared_instance() {
        assertThat(RecipeJson.mapper()).isSameAs(RecipeJson.mapper());
    }

    @Test
    void its_stream_limits_are_the_documented_ones() {
        StreamReadConstraints limits = RecipeJson.mapper().getFactory().streamReadConstraints();

        assertThat(limits.getMaxDocumentLength()).isEqualTo(2L * 1024 * 1024);
        assertThat(limits.getMaxNestingDepth()).isEqualTo(64);
        assertThat(limits.getMaxStringLength()).isEqualTo(2 * 1024 * 1024);
        assertThat(limits.getMaxNameLength()).isEqualTo(50_000);
        assertThat(limits.getMaxNumberLength()).isEqualTo(100);
        assertThat(limits.getMaxTokenCount()).isEqualTo(2_000_000L);
    }

    @Test
    void rejects_duplicate_keys() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree(json("{'a': 1, 'a': 2}")))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate");
    }

    @Test
    void rejects_content_after_the_document() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree(json("{'a': 1} {'a': 2}")))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void rejects_nesting_deeper_than_64() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree("[".repeat(65) + "]".repeat(65)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void rejects_numbers_longer_than_100_characters() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree("1".repeat(101)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void does_not_echo_the_document_in_error_locations() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree(json("{'secret': tru}")))
                .isInstanceOf(JsonParseException.class).hasMessageNotContaining("secret");
    }

    @Test
    void writes_and_reads_java_time_as_iso_8601_text() throws Exception {
        OffsetDateTime when = OffsetDateTime.parse("2026-11-29T18:30:00+01:00");

        String written = RecipeJson.mapper().writeValueAsString(when);

        assertThat(written).isEqualTo("\"2026-11-29T18:30:00+01:00\"");
        assertThat(RecipeJson.mapper().readValue(written, OffsetDateTime.class)).isEqualTo(when);
    }
}
