package dev.recipediff.functions.observability;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of every recipediff process: one JSON object per line on standard output, the shape
 * Lambda's JSON log format and its log-level filter read ({@code timestamp} in RFC 3339, {@code level}), on AWS
 * and in {@code recipediff serve} alike. A provider of our own rather than Log4j2 keeps the Lambda jars under
 * their 15 MiB ceiling and adds nothing to a cold start (docs/performance.md, "Observability cost").
 */
public final class JsonLogServiceProvider implements SLF4JServiceProvider {

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new ThreadLocalMdcAdapter();
        loggerFactory = new JsonLoggerFactory(LogSettings.fromClassPath(), JsonLogSink.standardOutput());
    }
}
