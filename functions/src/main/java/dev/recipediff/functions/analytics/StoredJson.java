package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON attributes of the derived items ({@link RecipeStatsTable}, {@link InsightsTable}): written and read with
 * one mapper, a failure named after what the item holds.
 *
 * @param what what the attributes hold, for the error message ("stats", "insights")
 */
record StoredJson(ObjectMapper mapper, String what) {

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + what + " as JSON", e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + what + " are unreadable", e);
        }
    }
}
