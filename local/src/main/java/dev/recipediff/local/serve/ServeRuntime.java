package dev.recipediff.local.serve;

import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.glue.InboxWatcher;
import dev.recipediff.emulators.glue.S3NotificationDispatcher;
import dev.recipediff.emulators.glue.SqsPoller;
import dev.recipediff.emulators.glue.SqsPollerSettings;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import dev.recipediff.functions.api.PublicRoutes;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.lambda.SenderHandler;
import dev.recipediff.functions.lambda.WatcherHandler;
import dev.recipediff.functions.observability.JsonLogSink;
import dev.recipediff.functions.pipeline.WatcherNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code recipediff serve}'s composition root: starts the emulators (S3Proxy, ElasticMQ, dynalite), builds
 * one {@link FunctionsConfig} pointing at them, builds the four real handlers from it and connects them
 * with the glue (S3 notifications → watcher, SQS event source → sender, API Gateway front door →
 * authorizer + API, inbox folder → bucket). No business logic lives here.
 */
public final class ServeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServeRuntime.class);

    public static final String BUCKET = "recipediff-files";
    public static final String TABLE = "recipediff";
    /** As on AWS (infra HttpFrontDoor): the authorizer's verdict is cached per Authorization header for 30 s. */
    static final Duration AUTHORIZER_CACHE_TTL = Duration.ofSeconds(30);

    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);
    /** Concurrent sender pollers: the SQS event source's maximum concurrency on AWS (RecipediffStack). */
    static final int SENDER_CONCURRENCY = 5;

    private final ShutdownSequence shutdown = new ShutdownSequence();
    private Endpoints endpoints;
    private DataDirectory dataDirectory;
    private SenderPolling senderPolling;
    private DynaliteProcess dynalite;

    private ServeRuntime() {}

    /** Starts everything; on any failure what was started is stopped again and the failure is thrown. */
    public static ServeRuntime start(ServeOptions options) {
        var runtime = new ServeRuntime();
        try {
            runtime.startAll(options);
            return runtime;
        } catch (RuntimeException | IOException e) {
            runtime.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void startAll(ServeOptions options) throws IOException {
        DataDirectory dir = options.dataDirectory();
        this.dataDirectory = dir;
        dir.secure(options.sharedDataDirectoryAllowed());
        ServeStartupChecks.refuseWhenAnotherServeRuns(dir);
        Files.deleteIfExists(dir.endpoints());
        keepLogFile(dir);

        ServeStartupChecks.checkNodeVersion();
        ServeStartupChecks.checkDynaliteIsInstalled(options);
        ApiGatewayFrontDoor frontDoor = bindFrontDoor(options.httpPort());
        onStop(() -> frontDoor.stop(Duration.ofSeconds(2)));

        long started = System.nanoTime();
        ServeEmulators emulators = ServeEmulators.start(options, shutdown);
        dynalite = emulators.dynalite();
        S3ProxyServer s3 = emulators.s3();
        ElasticMqServer sqs = emulators.sqs();
        LOG.debug("emulators after {} ms", (System.nanoTime() - started) / 1_000_000);

        var partial = new Endpoints(
                ProcessHandle.current().pid(),
                frontDoor.endpoint(),
                s3.endpoint(),
                sqs.endpoint(),
                emulators.dynalite().endpoint(),
                FunctionsConfig.DEFAULT_REGION,
                BUCKET,
                TABLE,
                sqs.queueUrl(),
                sqs.deadLetterQueueUrl(),
                dir.inbox().toString());
        FunctionsConfig config = partial.functionsConfig(Optional.of(emulators.serviceToken()));

        var watcher = new WatcherHandler(config);
        // the sender alone may be pointed elsewhere (a proxy in front of the API): configuration, as API_BASE_URL
        var sender = new SenderHandler(options.senderApiBaseUrl()
                .map(url -> partial.functionsConfig(Optional.of(emulators.serviceToken()), url))
                .orElse(config));
        var authorizer = new AuthorizerHandler(config);
        var api = new ApiHandler(config);

        LOG.debug("handlers after {} ms", (System.nanoTime() - started) / 1_000_000);

        // the bucket's notification rules are the CDK stack's own (WatcherNotifications): what reaches the watcher
        // here reaches it on AWS
        var notifications =
                S3NotificationDispatcher.withDefaultRetries("watcher", watcher, WatcherNotifications::notifies);
        onStop(() -> notifications.stop(IN_FLIGHT_GRACE));
        s3.listener(notifications);

        frontDoor.start(authorizer, api);
        onStop(() -> frontDoor.stop(Duration.ofSeconds(2)));

        var sqsClient = sqs.newClient();
        onStop(sqsClient::close);
        // as many concurrent sender invocations as the event source mapping allows on AWS (infra's maximum
        // concurrency): one poller each, so that one slow API call does not hold up the rest of the queue
        var polling = new SenderPolling(
                () -> new SqsPoller(
                        sqsClient,
                        SqsPollerSettings.of("sender", sqs.queueUrl(), sqs.queueArn(), FunctionsConfig.DEFAULT_REGION),
                        sender),
                SENDER_CONCURRENCY);
        polling.start();
        onStop(() -> polling.stop(IN_FLIGHT_GRACE));
        this.senderPolling = polling;

        InboxWatcher.createKitchenFolders(dir.inbox(), DataDirectory.DEFAULT_KITCHEN);
        InboxWatcher.createKitchenFolders(dir.inbox(), options.kitchen());
        var inboxS3 = s3.newClient();
        onStop(inboxS3::close);
        var inbox = new InboxWatcher(dir.inbox(), inboxS3, BUCKET, Duration.ofMillis(300), Duration.ofSeconds(2));
        onStop(() -> inbox.stop(Duration.ofSeconds(5)));

        partial.writeTo(dir.endpoints());
        this.endpoints = partial;
    }

    /** The one line that says everything accepts work. */
    public String readyLine() {
        return "ready api=" + endpoints.api() + " inbox=" + endpoints.inbox() + " s3=" + endpoints.s3() + " sqs="
                + endpoints.sqs();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The sender's SQS pollers: stop and start them while the rest keeps running (lifecycle control). */
    public SenderPolling senderPolling() {
        return senderPolling;
    }

    /**
     * Restarts the DynamoDB emulator alone (lifecycle control, as the chaos run's fault): dynalite is stopped and
     * started again on the same port and data directory while the rest keeps running; the handlers' clients
     * reconnect to it.
     */
    public void restartDynalite() {
        dynalite.restart();
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** Every JSON line serve prints is also appended to DIR/logs/serve.jsonl, for {@code recipediff trace}. */
    private void keepLogFile(DataDirectory dir) {
        ServeLogFile file = new ServeLogFile(dir.log(), ServeLogFile.DEFAULT_MAX_BYTES);
        JsonLogSink.copyTo(file);
        onStop(() -> {
            JsonLogSink.copyTo(null);
            file.close();
        });
    }

    private void onStop(Runnable stop) {
        shutdown.onStop(stop);
    }

    private static ApiGatewayFrontDoor bindFrontDoor(int port) throws IOException {
        try {
            return ApiGatewayFrontDoor.bind(ApiGatewayFrontDoorSettings.of(
                    port, Set.copyOf(PublicRoutes.PATHS), List.of("authorization"), AUTHORIZER_CACHE_TTL));
        } catch (BindException e) {
            throw new ServeException(
                    "port " + port + " on 127.0.0.1 is already in use (the API's --http-port); "
                            + "stop what uses it or pass another --http-port (0 picks a free one)",
                    e);
        }
    }

    /**
     * Stops taking work (inbox, SQS polling), lets the batch in flight finish (≤ 10 s), delivers pending S3
     * notifications, then stops the API, the emulators and the dynalite child process. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (!shutdown.stopAll()) {
            return;
        }
        if (dataDirectory != null && endpoints != null) {
            try {
                Files.deleteIfExists(dataDirectory.endpoints());
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", dataDirectory.endpoints(), e.toString());
            }
        }
    }
}
