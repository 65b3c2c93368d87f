package dev.recipediff.functions.observability;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The context every log line of one invocation carries — {@code function}, {@code requestId},
 * {@code correlationId}, {@code kitchen} — kept in the MDC for the duration of a try-with-resources block and
 * restored when it closes (serve runs all four functions in one JVM, on shared threads).
 *
 * <pre>{@code
 * try (LogContext log = LogContext.invocation("watcher", context.getAwsRequestId())) {
 *     log.correlationId(id).kitchen(kitchen);
 *     ...
 * }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

    public static final String FUNCTION = "function";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String KITCHEN = "kitchen";

    private final Map<String, String> previous;

    private LogContext(Map<String, String> previous) {
        this.previous = previous;
    }

    /** Starts the context of one invocation of {@code function}; what was set before comes back on close. */
    public static LogContext invocation(String function, String requestId) {
        LogContext scope = new LogContext(MDC.getCopyOfContextMap());
        MDC.clear();
        scope.put(FUNCTION, function).put(REQUEST_ID, requestId);
        return scope;
    }

    /** {@link #invocation} for a Lambda {@code context} (null in tests: no request id). */
    public static LogContext invocation(String function, com.amazonaws.services.lambda.runtime.Context context) {
        return invocation(function, context == null ? null : context.getAwsRequestId());
    }

    /** Keeps what is set now and restores it on close: for a nested step that adds or changes some keys. */
    public static LogContext nested() {
        return new LogContext(MDC.getCopyOfContextMap());
    }

    public LogContext correlationId(String correlationId) {
        return put(CORRELATION_ID, correlationId);
    }

    public LogContext kitchen(String kitchen) {
        return put(KITCHEN, kitchen);
    }

    /** Sets one more key (null removes it). */
    public LogContext put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return this;
    }

    /** The correlation id of the current context, or null. */
    public static String currentCorrelationId() {
        return MDC.get(CORRELATION_ID);
    }

    /**
     * {@code task} wrapped so that it runs with the context current <em>now</em> (for work handed to another thread,
     * such as the sender's concurrent jobs) and leaves that thread's MDC as it found it.
     */
    public static <T> Callable<T> carried(Callable<T> task) {
        Map<String, String> captured = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            MDC.setContextMap(captured == null ? Map.of() : captured);
            try {
                return task.call();
            } finally {
                MDC.setContextMap(before == null ? Map.of() : before);
            }
        };
    }

    @Override
    public void close() {
        MDC.setContextMap(previous == null ? Map.of() : previous);
    }
}
