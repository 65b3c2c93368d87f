package dev.recipediff.jmh;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the JSON log lines cost (issue 21): the functions' own SLF4J provider
 * ({@code dev.recipediff.functions.observability.JsonLogServiceProvider}) against slf4j-simple, the provider the
 * Lambda jars shipped before. Same log call, the handlers' shape: a fluent event with two key-value pairs under an
 * MDC holding function, request id and correlation id. Output goes to a discarding stream, so the figures are the
 * providers' own work. {@code cold}: the first line in a fresh JVM (provider discovery and initialisation — what
 * a cold start pays), one shot per fork; {@code line}: a warm line; each with {@code provider=json} and
 * {@code provider=simple} (the fork's {@code slf4j.provider}, set before the first logger is asked for).
 *
 * <pre>java -jar jmh/target/benchmarks.jar LoggingBenchmark</pre>
 */
@State(Scope.Benchmark)
public class LoggingBenchmark {

    /** The SLF4J provider of each fork: {@code json} (the functions' own) or {@code simple} (slf4j-simple). */
    @Param({"json", "simple"})
    public String provider;

    private Logger log;
    private long counter;

    @Setup(Level.Trial)
    public void discardOutput() {
        System.setProperty(
                "slf4j.provider",
                provider.equals("json")
                        ? "dev.recipediff.functions.observability.JsonLogServiceProvider"
                        : "org.slf4j.simple.SimpleServiceProvider");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        MDC.put("function", "watcher");
        MDC.put("requestId", "3f2c1d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f");
        MDC.put("correlationId", "f-0123456789abcdef0123456789abcdef");
    }

    private void logOneLine() {
        if (log == null) {
            log = LoggerFactory.getLogger("dev.recipediff.functions.lambda.WatcherHandler");
        }
        log.atInfo()
                .addKeyValue("keyHash", "k-0123456789abcdef")
                .addKeyValue("size", ++counter)
                .log("file accepted");
    }

    /** The first line in a fresh JVM, with the Lambda runtime's JIT and GC flags: one shot per fork. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 10,
            jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
    public void cold() {
        logOneLine();
    }

    /** A warm line. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public void line() {
        logOneLine();
    }
}
