package dev.recipediff.local.serve;

import dev.recipediff.functions.api.PublicRoutes;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.observability.JsonLogSink;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.glue.InboxWatcher;
import dev.recipediff.emulators.glue.S3NotificationDispatcher;
import dev.recipediff.emulators.glue.SqsPoller;
import dev.recipediff.emulators.glue.SqsPollerSettings;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.s3.S3ProxySettings;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import dev.recipediff.emulators.sqs.ElasticMqSettings;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.SenderHandler;
import dev.recipediff.functions.lambda.WatcherHandler;
import dev.recipediff.functions.pipeline.WatcherNotifications;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

    private final Deque<Runnable> stopsInOrder = new ArrayDeque<>();
    private Endpoints endpoints;
    private S3ProxyServer s3;
    private ElasticMqServer sqs;
    private DataDirectory dataDirectory;
    private SenderPolling senderPolling;
    private boolean stopped;

    private ServeRuntime() {
    }

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
        // the three emulators start in parallel: startup is bounded by the slowest (ElasticMQ), not their sum
        ExecutorService starters = Executors.newFixedThreadPool(3,
                Thread.ofPlatform().name("serve-start-", 0).factory());
        DynaliteWithTokens dynamo;
        try {
            CompletableFuture<DynaliteWithTokens> dynaliteReady = CompletableFuture.supplyAsync(
                    () -> startDynaliteWithTokens(options, dir), starters);
            CompletableFuture<S3ProxyServer> s3Ready = CompletableFuture.supplyAsync(() -> startS3(dir), starters);
            CompletableFuture<ElasticMqServer> sqsReady = CompletableFuture.supplyAsync(() -> ElasticMqServer.start(
                    ElasticMqSettings.persistentUnder(dir.sqs(), options.visibilityTimeout())), starters);
            dynamo = await(dynaliteReady, s3Ready, sqsReady);
            s3Ready.join().createBucketIfMissing(BUCKET);
        } finally {
            starters.shutdown();
        }
        S3ProxyServer s3 = this.s3;
        ElasticMqServer sqs = this.sqs;
        LOG.debug("emulators after {} ms", (System.nanoTime() - started) / 1_000_000);

        var partial = new Endpoints(ProcessHandle.current().pid(), frontDoor.endpoint(), s3.endpoint(), sqs.endpoint(),
                dynamo.dynalite().endpoint(), FunctionsConfig.DEFAULT_REGION, BUCKET, TABLE, sqs.queueUrl(),
                sqs.deadLetterQueueUrl(), dir.inbox().toString());
        FunctionsConfig config = partial.functionsConfig(Optional.of(dynamo.serviceToken()));

        var watcher = new WatcherHandler(config);
        // the sender alone may be pointed elsewhere (a proxy in front of the API): configuration, as API_BASE_URL
        var sender = new SenderHandler(options.senderApiBaseUrl()
                .map(url -> partial.functionsConfig(Optional.of(dynamo.serviceToken()), url))
                .orElse(config));
        var authorizer = new AuthorizerHandler(config);
        var api = new ApiHandler(config);

        LOG.debug("handlers after {} ms", (System.nanoTime() - started) / 1_000_000);

        // the bucket's notification rules are the CDK stack's own (WatcherNotifications): what reaches the watcher
        // here reaches it on AWS
        var notifications = S3NotificationDispatcher.withDefaultRetries("watcher", watcher,
                WatcherNotifications::notifies);
        onStop(() -> notifications.stop(IN_FLIGHT_GRACE));
        s3.listener(notifications);

        frontDoor.start(authorizer, api);
        onStop(() -> frontDoor.stop(Duration.ofSeconds(2)));

        var sqsClient = sqs.newClient();
        onStop(sqsClient::close);
        // as many concurrent sender invocations as the event source mapping allows on AWS (infra's maximum
        // concurrency): one poller each, so that one slow API call does not hold up the rest of the queue
        var polling = new SenderPolling(() -> new SqsPoller(sqsClient, SqsPollerSettings.of("sender",
                sqs.queueUrl(), sqs.queueArn(), FunctionsConfig.DEFAULT_REGION), sender), SENDER_CONCURRENCY);
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
        return "ready api=" + endpoints.api() + " inbox=" + endpoints.inbox() + " s3=" + endpoints.s3()
                + " sqs=" + endpoints.sqs();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The sender's SQS pollers: stop and start them while the rest keeps running (lifecycle control). */
    public SenderPolling senderPolling() {
        return senderPolling;
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
        stopsInOrder.push(stop);
    }

    private static ApiGatewayFrontDoor bindFrontDoor(int port) throws IOException {
        try {
            return ApiGatewayFrontDoor.bind(ApiGatewayFrontDoorSettings.of(port, Set.copyOf(PublicRoutes.PATHS),
                    List.of("authorization"), AUTHORIZER_CACHE_TTL));
        } catch (BindException e) {
            throw new ServeException("port " + port + " on 127.0.0.1 is already in use (the API's --http-port); "
                    + "stop what uses it or pass another --http-port (0 picks a free one)", e);
        }
    }

    private record DynaliteWithTokens(DynaliteProcess dynalite, String serviceToken) {
    }

    /**
     * Waits for all three emulators; when one fails, stops the others that did start and throws the first
     * failure. On success each one's stop is registered (dynalite last to stop).
     */
    private DynaliteWithTokens await(CompletableFuture<DynaliteWithTokens> dynamo, CompletableFuture<S3ProxyServer> s3,
                                     CompletableFuture<ElasticMqServer> sqs) {
        try {
            CompletableFuture.allOf(dynamo, s3, sqs).join();
        } catch (CompletionException e) {
            // allOf completes only when all are done: register what did start so close() stops it
        }
        if (!dynamo.isCompletedExceptionally()) {
            onStop(dynamo.join().dynalite()::close);
        }
        if (!s3.isCompletedExceptionally()) {
            this.s3 = s3.join();
            onStop(() -> closeQuietly(this.s3));
        }
        if (!sqs.isCompletedExceptionally()) {
            this.sqs = sqs.join();
            onStop(this.sqs::close);
        }
        for (CompletableFuture<?> future : List.of(dynamo, s3, sqs)) {
            try {
                future.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return dynamo.join();
    }

    /** dynalite, the table, and the service + admin tokens (they live in the table). */
    private static DynaliteWithTokens startDynaliteWithTokens(ServeOptions options, DataDirectory dir) {
        DynaliteProcess dynalite = startDynalite(options, dir);
        try {
            var onlyDynamo = FunctionsEnvironment.builder().tableName(TABLE)
                    .dynamoDbEndpoint(dynalite.endpoint()).toConfig();
            var table = new RecipeTable(new AwsClients(onlyDynamo).dynamoDb(), TABLE);
            table.createIfMissing();
            var tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
            String serviceToken = tokenFromFileOrMint(tokens, dir.serviceToken(), DataDirectory.DEFAULT_KITCHEN,
                    EnumSet.of(Scope.SERVICE), "serve: the sender's service token");
            tokenFromFileOrMint(tokens, dir.adminToken(options.kitchen()), options.kitchen(),
                    EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN), "serve: admin token");
            table.client().close();
            return new DynaliteWithTokens(dynalite, serviceToken);
        } catch (IOException e) {
            dynalite.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
    }

    private static DynaliteProcess startDynalite(ServeOptions options, DataDirectory dir) {
        try {
            Files.createDirectories(dir.dynamoDb());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var dynaliteOptions = DynaliteProcess.Options.inMemory().withDataDir(dir.dynamoDb());
        if (options.dynaliteDirectory().isPresent()) {
            dynaliteOptions = dynaliteOptions.withDynaliteDir(options.dynaliteDirectory().get());
        }
        try {
            return DynaliteProcess.start(dynaliteOptions);
        } catch (IllegalStateException e) {
            throw new ServeException(e.getMessage(), e);
        }
    }

    private static S3ProxyServer startS3(DataDirectory dir) {
        try {
            return S3ProxyServer.start(S3ProxySettings.onDisk(dir.s3()));
        } catch (Exception e) {
            throw new ServeException("the S3 emulator (S3Proxy) did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The token in {@code file} when it still authenticates (the table may have been wiped), else a new one
     * minted and written owner-only.
     */
    private static String tokenFromFileOrMint(TokenService tokens, Path file, String kitchen,
                                              Set<Scope> scopes, String label) throws IOException {
        Optional<String> existing = TokenFiles.read(file);
        if (existing.isPresent()) {
            Optional<Identity> identity = tokens.authenticate(existing.get());
            if (identity.isPresent() && identity.get().kitchen().equals(kitchen)) {
                return existing.get();
            }
            LOG.warn("{} no longer matches a token in the table; minting a new one", file.getFileName());
        }
        String token = tokens.mint(kitchen, scopes, label).token();
        TokenFiles.write(file, token);
        LOG.info("minted {} for kitchen {} into {}", label, kitchen, file);
        return token;
    }

    /**
     * Stops taking work (inbox, SQS polling), lets the batch in flight finish (≤ 10 s), delivers pending S3
     * notifications, then stops the API, the emulators and the dynalite child process. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        while (!stopsInOrder.isEmpty()) {
            try {
                stopsInOrder.pop().run();
            } catch (RuntimeException e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        if (dataDirectory != null && endpoints != null) {
            try {
                Files.deleteIfExists(dataDirectory.endpoints());
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", dataDirectory.endpoints(), e.toString());
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("while stopping: {}", e.toString());
        }
    }
}
