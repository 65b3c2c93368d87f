package dev.recipediff.functions.observability;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link JsonLogger} per name, each with its threshold from the {@link LogSettings}. */
final class JsonLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogSettings settings;
    private final JsonLogSink sink;

    JsonLoggerFactory(LogSettings settings, JsonLogSink sink) {
        this.settings = settings;
        this.sink = sink;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLogger(n, settings.thresholdOf(n), sink));
    }
}
