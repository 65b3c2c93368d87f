package dev.recipediff.functions.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.event.Level;

/**
 * Which levels are written: a default threshold and thresholds per logger-name prefix (the emulators' chatter
 * at WARN), from the class-path resource {@value #RESOURCE}; the longest matching prefix wins. On Lambda, the
 * function's log-level setting filters further (it reads each line's {@code level}).
 *
 * @param defaultLevel the threshold of loggers no prefix names
 * @param byPrefix     thresholds by logger-name prefix, longest first
 */
record LogSettings(Level defaultLevel, List<Map.Entry<String, Level>> byPrefix) {

    static final String RESOURCE = "recipediff-logging.properties";
    private static final String DEFAULT_KEY = "level";

    LogSettings {
        byPrefix = byPrefix.stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, Level> e) -> e.getKey().length())
                        .reversed())
                .toList();
    }

    /** The system property that overrides the default threshold ({@code recipediff bench --serve-log-level}). */
    static final String LEVEL_PROPERTY = "recipediff.log.level";

    /**
     * The class path's {@value #RESOURCE}, or INFO for everything when there is none; the system property
     * {@value #LEVEL_PROPERTY}, when set, replaces its default threshold.
     */
    static LogSettings fromClassPath() {
        Properties properties = new Properties();
        try (InputStream in = LogSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String override = System.getProperty(LEVEL_PROPERTY);
        if (override != null && !override.isBlank()) {
            properties.setProperty(DEFAULT_KEY, override);
        }
        return fromProperties(properties);
    }

    /** {@code level=INFO} and one {@code logger.prefix=LEVEL} line per prefix. Unknown levels read as INFO. */
    static LogSettings fromProperties(Properties properties) {
        Map<String, Level> prefixes = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.equals(DEFAULT_KEY)) {
                prefixes.put(name, parse(properties.getProperty(name)));
            }
        }
        return new LogSettings(parse(properties.getProperty(DEFAULT_KEY, "INFO")), List.copyOf(prefixes.entrySet()));
    }

    /** The threshold of the logger named {@code loggerName}. */
    Level thresholdOf(String loggerName) {
        for (Map.Entry<String, Level> entry : byPrefix) {
            if (loggerName.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return defaultLevel;
    }

    private static Level parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "WARN", "WARNING" -> Level.WARN;
            case "ERROR", "FATAL", "OFF" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
