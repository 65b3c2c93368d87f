package dev.recipediff.functions.observability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * Writes each event as one JSON object: {@code timestamp} (RFC 3339, UTC), {@code level}, then the context the
 * handlers put in the MDC ({@code function}, {@code requestId}, {@code correlationId}, {@code kitchen}),
 * {@code event} (the message), {@code logger}, every other MDC entry, the key-value pairs of SLF4J's fluent API
 * ({@code LOG.atInfo().addKeyValue("recipeId", 2).log("make recorded")}) and the {@code error}, if any.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;

    /** The MDC keys written first and in this order; {@link LogContext} sets them. */
    static final List<String> CONTEXT_KEYS =
            List.of(LogContext.FUNCTION, LogContext.REQUEST_ID, LogContext.CORRELATION_ID, LogContext.KITCHEN);

    private static final Set<String> CONTEXT_KEY_SET = Set.copyOf(CONTEXT_KEYS);

    private static final Rfc3339 TIMESTAMPS = new Rfc3339();

    private final int threshold;
    private final transient JsonLogSink sink;

    JsonLogger(String name, Level threshold, JsonLogSink sink) {
        this.name = name;
        this.threshold = threshold.toInt();
        this.sink = sink;
    }

    @Override
    public boolean isTraceEnabled() {
        return Level.TRACE.toInt() >= threshold;
    }

    @Override
    public boolean isDebugEnabled() {
        return Level.DEBUG.toInt() >= threshold;
    }

    @Override
    public boolean isInfoEnabled() {
        return Level.INFO.toInt() >= threshold;
    }

    @Override
    public boolean isWarnEnabled() {
        return Level.WARN.toInt() >= threshold;
    }

    @Override
    public boolean isErrorEnabled() {
        return Level.ERROR.toInt() >= threshold;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        write(level, messagePattern, arguments, throwable, List.of());
    }

    @Override
    public void log(LoggingEvent event) {
        if (event.getLevel().toInt() >= threshold) {
            List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
            Object[] arguments = event.getArgumentArray();
            write(event.getLevel(), event.getMessage(), arguments, event.getThrowable(), pairs);
        }
    }

    private void write(Level level, String pattern, Object[] arguments, Throwable throwable, List<KeyValuePair> pairs) {
        Throwable error = throwable;
        if (error == null
                && arguments != null
                && arguments.length > 0
                && arguments[arguments.length - 1] instanceof Throwable last) {
            error = last;
        }
        String message = arguments == null || arguments.length == 0
                ? pattern
                : MessageFormatter.basicArrayFormat(pattern, arguments);
        Map<String, String> mdc = mdc();
        JsonLine line = new JsonLine()
                .string("timestamp", TIMESTAMPS.format(System.currentTimeMillis()))
                .string("level", level.name());
        for (String key : CONTEXT_KEYS) {
            line.string(key, mdc.get(key));
        }
        line.string("event", message).string("logger", name);
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            if (!CONTEXT_KEY_SET.contains(entry.getKey())) {
                line.string(entry.getKey(), entry.getValue());
            }
        }
        for (KeyValuePair pair : pairs) {
            line.value(pair.key, pair.value);
        }
        if (error != null) {
            line.string("errorType", error.getClass().getName())
                    .string("errorMessage", error.getMessage())
                    .string("stackTrace", stackTrace(error));
        }
        sink.write(line.end());
    }

    private static Map<String, String> mdc() {
        if (MDC.getMDCAdapter() instanceof ThreadLocalMdcAdapter adapter) {
            return adapter.current();
        }
        Map<String, String> copy = MDC.getCopyOfContextMap();
        return copy == null ? Map.of() : copy;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
