package dev.recipediff.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class JsonLoggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLogSink sink = new JsonLogSink(() -> new PrintStream(out, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private JsonNode onlyLine() throws Exception {
        assertThat(lines()).hasSize(1);
        return JSON.readTree(lines().get(0));
    }

    @Test
    void eachEventIsOneJsonObjectWithTimestampLevelContextAndEvent() throws Exception {
        JsonLogger logger = new JsonLogger("dev.recipediff.Test", Level.INFO, sink);

        try (LogContext context = LogContext.invocation("watcher", "req-1")) {
            context.correlationId("f-0123").kitchen("kb");
            logger.info("job queued");
        }

        JsonNode line = onlyLine();
        assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("function").asText()).isEqualTo("watcher");
        assertThat(line.get("requestId").asText()).isEqualTo("req-1");
        assertThat(line.get("correlationId").asText()).isEqualTo("f-0123");
        assertThat(line.get("kitchen").asText()).isEqualTo("kb");
        assertThat(line.get("event").asText()).isEqualTo("job queued");
    }

    @Test
    void aNewlineInAValueCannotStartAForgedLine() throws Exception {
        JsonLogger logger = new JsonLogger("t", Level.INFO, sink);

        logger.warn("unreadable {}", "x\n{\"level\":\"ERROR\",\"event\":\"forged\"}\r\u2028");

        JsonNode line = onlyLine();
        assertThat(line.get("event").asText()).startsWith("unreadable x\n{");
        assertThat(line.get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void keyValuePairsOfTheFluentApiBecomeFieldsWithTheirTypes() throws Exception {
        JsonLogger logger = new JsonLogger("t", Level.INFO, sink);

        logger.atInfo()
                .addKeyValue("recipeId", 2L)
                .addKeyValue("exact", true)
                .addKeyValue("keyHash", "k-1")
                .log("make recorded");

        JsonNode line = onlyLine();
        assertThat(line.get("recipeId").isNumber()).isTrue();
        assertThat(line.get("recipeId").asLong()).isEqualTo(2);
        assertThat(line.get("exact").asBoolean()).isTrue();
        assertThat(line.get("keyHash").asText()).isEqualTo("k-1");
    }

    @Test
    void anExceptionIsWrittenAsTypeMessageAndStackTraceInTheSameLine() throws Exception {
        JsonLogger logger = new JsonLogger("t", Level.INFO, sink);

        logger.error("job failed", new IllegalStateException("boom"));

        JsonNode line = onlyLine();
        assertThat(line.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("errorMessage").asText()).isEqualTo("boom");
        assertThat(line.get("stackTrace").asText()).contains("JsonLoggerTest");
    }

    @Test
    void eventsBelowTheLoggersThresholdAreNotWritten() {
        JsonLogger logger = new JsonLogger("t", Level.WARN, sink);

        logger.info("chatter");
        logger.atDebug().log("more chatter");

        assertThat(lines()).isEmpty();
    }

    @Test
    void theLongestPrefixDecidesALoggersThreshold() {
        Properties properties = new Properties();
        properties.setProperty("level", "info");
        properties.setProperty("org.gaul", "warn");
        properties.setProperty("org.gaul.s3proxy.Chatty", "error");

        LogSettings settings = LogSettings.fromProperties(properties);

        assertThat(settings.thresholdOf("dev.recipediff.X")).isEqualTo(Level.INFO);
        assertThat(settings.thresholdOf("org.gaul.s3proxy.S3Proxy")).isEqualTo(Level.WARN);
        assertThat(settings.thresholdOf("org.gaul.s3proxy.Chatty")).isEqualTo(Level.ERROR);
    }

    @Test
    void closingAnInvocationContextRestoresWhatWasSetBefore() throws Exception {
        JsonLogger logger = new JsonLogger("t", Level.INFO, sink);

        try (LogContext outer = LogContext.invocation("sender", "r-outer")) {
            outer.correlationId("f-outer");
            try (LogContext inner = LogContext.invocation("api", "r-inner")) {
                inner.correlationId("f-inner");
            }
            logger.info("after the nested invocation");
        }

        JsonNode line = onlyLine();
        assertThat(line.get("function").asText()).isEqualTo("sender");
        assertThat(line.get("correlationId").asText()).isEqualTo("f-outer");
    }
}
