package dev.recipediff.functions.observability;

import java.time.Clock;
import org.slf4j.MDC;

/**
 * The pipeline's metrics, written as CloudWatch embedded metric format (EMF): one JSON line per measurement on
 * standard output, which CloudWatch Logs turns into a metric on AWS and which {@code serve} keeps in its log like
 * any other line. Every metric has the dimension {@code function} (the MDC's, so "api", "watcher", …) and, where
 * it says so, one more ({@code reason}, {@code status}, {@code outcome}). No request is made to CloudWatch.
 *
 * <p>The namespace is {@value #DEFAULT_NAMESPACE} unless the composition root sets another (the CDK stack passes
 * one per stack, so that a staging and a production stack in one account keep their metrics apart).
 */
public final class Metrics {

    public static final String DEFAULT_NAMESPACE = "recipediff";

    private static final Rfc3339 TIMESTAMPS = new Rfc3339();
    private static volatile String namespace = DEFAULT_NAMESPACE;
    private static volatile Clock clock = Clock.systemUTC();
    private static volatile JsonLogSink sink = JsonLogSink.standardOutput();

    private Metrics() {}

    /** Sets the namespace every later metric goes to (once, at the composition root). */
    public static void useNamespace(String name) {
        namespace = name == null || name.isBlank() ? DEFAULT_NAMESPACE : name;
    }

    /** The namespace metrics go to now. */
    public static String namespace() {
        return namespace;
    }

    /** Counts one occurrence of {@code metric}. */
    public static void count(String metric) {
        write(metric, 1, "Count", null, null);
    }

    /** Counts {@code n} occurrences of {@code metric}. */
    public static void count(String metric, long n) {
        write(metric, n, "Count", null, null);
    }

    /** Counts one occurrence of {@code metric} with one more dimension ({@code reason=not_json}, …). */
    public static void count(String metric, String dimension, String value) {
        write(metric, 1, "Count", dimension, value);
    }

    /** Records a duration in milliseconds. */
    public static void milliseconds(String metric, double millis) {
        write(metric, millis, "Milliseconds", null, null);
    }

    private static void write(String metric, double value, String unit, String dimension, String dimensionValue) {
        String function = MDC.get(LogContext.FUNCTION);
        StringBuilder dimensions = new StringBuilder("[[\"function\"");
        if (dimension != null) {
            dimensions.append(',');
            JsonLine.quote(dimensions, dimension);
        }
        dimensions.append("]]");
        StringBuilder metrics = new StringBuilder("[{\"Name\":");
        JsonLine.quote(metrics, metric);
        metrics.append(",\"Unit\":");
        JsonLine.quote(metrics, unit);
        metrics.append("}]");
        StringBuilder directive = new StringBuilder("{\"Timestamp\":")
                .append(clock.millis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        JsonLine.quote(directive, namespace);
        directive
                .append(",\"Dimensions\":")
                .append(dimensions)
                .append(",\"Metrics\":")
                .append(metrics)
                .append("}]}");
        JsonLine line = new JsonLine()
                .string("timestamp", TIMESTAMPS.format(clock.millis()))
                .string("level", "INFO")
                .string("function", function == null ? "unknown" : function)
                .string(LogContext.REQUEST_ID, MDC.get(LogContext.REQUEST_ID))
                .string(LogContext.CORRELATION_ID, MDC.get(LogContext.CORRELATION_ID))
                .string("event", "metric " + metric)
                .raw("_aws", directive.toString());
        if (dimension != null) {
            line.string(dimension, dimensionValue == null ? "none" : dimensionValue);
        }
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            line.number(metric, (long) value);
        } else {
            line.number(metric, value);
        }
        sink.write(line.end());
    }

    /** For tests: where metric lines go and which clock stamps them; {@code null}s restore the defaults. */
    static void redirect(JsonLogSink to, Clock at) {
        sink = to == null ? JsonLogSink.standardOutput() : to;
        clock = at == null ? Clock.systemUTC() : at;
    }
}
