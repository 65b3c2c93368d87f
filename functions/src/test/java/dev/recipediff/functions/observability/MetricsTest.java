package dev.recipediff.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void captureMetricLines() {
        Metrics.redirect(
                new JsonLogSink(() -> new PrintStream(out, true, StandardCharsets.UTF_8)),
                Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void restore() {
        Metrics.redirect(null, null);
        Metrics.useNamespace(null);
    }

    private JsonNode onlyLine() throws Exception {
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        return JSON.readTree(
                out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }

    @Test
    void aCountIsAnEmbeddedMetricFormatLineWithTheFunctionDimension() throws Exception {
        try (LogContext context = LogContext.invocation("api", "r-1")) {
            context.correlationId("f-1");
            Metrics.count("MakesRecorded", "outcome", "exact");
        }

        JsonNode line = onlyLine();
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(line.at("/_aws/Timestamp").asLong())
                .isEqualTo(Instant.parse("2026-12-05T10:00:00Z").toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("recipediff");
        assertThat(directive.at("/Dimensions/0").toString()).isEqualTo("[\"function\",\"outcome\"]");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("MakesRecorded");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(line.get("function").asText()).isEqualTo("api");
        assertThat(line.get("outcome").asText()).isEqualTo("exact");
        assertThat(line.get("MakesRecorded").asLong()).isEqualTo(1);
        assertThat(line.get("correlationId").asText()).isEqualTo("f-1");
    }

    @Test
    void aDurationIsInMillisecondsInTheNamespaceTheRootChose() throws Exception {
        Metrics.useNamespace("recipediff/staging");
        try (LogContext ignored = LogContext.invocation("api", "r-2")) {
            Metrics.milliseconds("CompareTime", 1.25);
        }

        JsonNode line = onlyLine();
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("recipediff/staging");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Milliseconds");
        assertThat(line.get("CompareTime").asDouble()).isEqualTo(1.25);
    }
}
