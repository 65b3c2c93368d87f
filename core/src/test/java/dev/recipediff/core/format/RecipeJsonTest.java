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
    void isOneSharedInstance() {
        assertThat(RecipeJson.mapper()).isSameAs(RecipeJson.mapper());
    }

    @Test
    void itsStreamLimitsAreTheDocumentedOnes() {
        StreamReadConstraints limits = RecipeJson.mapper().getFactory().streamReadConstraints();

        assertThat(limits.getMaxDocumentLength()).isEqualTo(2L * 1024 * 1024);
        assertThat(limits.getMaxNestingDepth()).isEqualTo(64);
        assertThat(limits.getMaxStringLength()).isEqualTo(2 * 1024 * 1024);
        assertThat(limits.getMaxNameLength()).isEqualTo(50_000);
        assertThat(limits.getMaxNumberLength()).isEqualTo(100);
        assertThat(limits.getMaxTokenCount()).isEqualTo(2_000_000L);
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree(json("{'a': 1, 'a': 2}")))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void rejectsContentAfterTheDocument() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree(json("{'a': 1} {'a': 2}")))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void rejectsNestingDeeperThan64() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree("[".repeat(65) + "]".repeat(65)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void rejectsNumbersLongerThan100Characters() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree("1".repeat(101)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void doesNotEchoTheDocumentInErrorLocations() {
        assertThatThrownBy(() -> RecipeJson.mapper().readTree(json("{'secret': tru}")))
                .isInstanceOf(JsonParseException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void writesAndReadsJavaTimeAsIso8601Text() throws Exception {
        OffsetDateTime when = OffsetDateTime.parse("2026-11-29T18:30:00+01:00");

        String written = RecipeJson.mapper().writeValueAsString(when);

        assertThat(written).isEqualTo("\"2026-11-29T18:30:00+01:00\"");
        assertThat(RecipeJson.mapper().readValue(written, OffsetDateTime.class)).isEqualTo(when);
    }
}
