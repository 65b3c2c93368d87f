package dev.recipediff.emulators.glue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import dev.recipediff.emulators.s3.S3EventListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers S3 event notifications to a handler the way S3 invokes Lambda: only the events the bucket's
 * notification configuration selects ({@link S3NotificationFilter}, matched on the decoded key as S3 does),
 * asynchronously and concurrently (Lambda runs as many instances as notifications arrive; here a small pool), and
 * when the invocation fails it is retried after each of the given delays (AWS: two retries), then logged and
 * dropped — the object stays in the bucket and {@code recipediff reconcile} picks it up.
 */
public final class S3NotificationDispatcher implements S3EventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3NotificationDispatcher.class);

    private final RequestHandler<S3Event, ?> handler;
    private final String functionName;
    private final List<Duration> retryDelays;
    private final S3NotificationFilter filter;
    private final ScheduledExecutorService executor;

    /** Concurrent invocations by default: enough to keep the watcher off the critical path on a small machine. */
    public static final int DEFAULT_CONCURRENCY = 4;

    public S3NotificationDispatcher(
            String functionName, RequestHandler<S3Event, ?> handler, List<Duration> retryDelays) {
        this(functionName, handler, retryDelays, DEFAULT_CONCURRENCY);
    }

    public S3NotificationDispatcher(
            String functionName, RequestHandler<S3Event, ?> handler, List<Duration> retryDelays, int concurrency) {
        this(functionName, handler, retryDelays, concurrency, S3NotificationFilter.EVERY_EVENT);
    }

    public S3NotificationDispatcher(
            String functionName,
            RequestHandler<S3Event, ?> handler,
            List<Duration> retryDelays,
            int concurrency,
            S3NotificationFilter filter) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1");
        }
        this.functionName = functionName;
        this.handler = handler;
        this.retryDelays = List.copyOf(retryDelays);
        this.filter = filter;
        this.executor = Executors.newScheduledThreadPool(
                concurrency,
                Thread.ofPlatform()
                        .name("s3-notifications-" + functionName + "-", 0)
                        .daemon(true)
                        .factory());
    }

    /** Two retries, 1 s and 2 s apart (AWS waits about 1 and 2 minutes). */
    public static S3NotificationDispatcher withDefaultRetries(String functionName, RequestHandler<S3Event, ?> handler) {
        return new S3NotificationDispatcher(
                functionName, handler, List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    /** Two retries, 1 s and 2 s apart, only the events {@code filter} selects. */
    public static S3NotificationDispatcher withDefaultRetries(
            String functionName, RequestHandler<S3Event, ?> handler, S3NotificationFilter filter) {
        return new S3NotificationDispatcher(
                functionName,
                handler,
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                DEFAULT_CONCURRENCY,
                filter);
    }

    @Override
    public void onEvent(S3Event event) {
        List<S3EventNotification.S3EventNotificationRecord> selected = event.getRecords().stream()
                .filter(record -> filter.notifies(
                        record.getEventName(),
                        URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8)))
                .toList();
        if (selected.isEmpty()) {
            LOG.debug(
                    "no notification rule of {} selects {}",
                    functionName,
                    event.getRecords().size() == 1 ? "that object" : "those objects");
            return;
        }
        S3Event delivered = selected.size() == event.getRecords().size() ? event : new S3Event(selected);
        executor.execute(() -> invoke(delivered, 0));
    }

    private void invoke(S3Event event, int attempt) {
        try {
            handler.handleRequest(event, new LocalLambdaContext(functionName, Duration.ofSeconds(60)));
        } catch (RuntimeException e) {
            if (attempt < retryDelays.size() && !executor.isShutdown()) {
                LOG.warn(
                        "{} failed on an S3 notification (attempt {}), retrying: {}",
                        functionName,
                        attempt + 1,
                        e.toString());
                executor.schedule(
                        () -> invoke(event, attempt + 1),
                        retryDelays.get(attempt).toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                LOG.error(
                        "{} failed on an S3 notification {} times; dropped (run `recipediff reconcile`): {}",
                        functionName,
                        attempt + 1,
                        e.toString());
            }
        }
    }

    /** Stops taking notifications and waits up to {@code grace} for those already queued. */
    public void stop(Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
