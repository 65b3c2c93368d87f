package dev.recipediff.local.serve;

import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.glue.InboxWatcher;
import dev.recipediff.emulators.glue.S3NotificationDispatcher;
import dev.recipediff.emulators.glue.SqsEventSource;
import dev.recipediff.emulators.glue.SqsEventSourceSettings;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.s3.S3ProxySettings;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import dev.recipediff.emulators.sqs.ElasticMqSettings;
import dev.recipediff.functions.api.ApiHandler;
import dev.recipediff.functions.auth.AuthorizerHandler;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.pipeline.SenderHandler;
import dev.recipediff.functions.pipeline.WatcherHandler;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    /** Paths the API serves without a token (the API helper's public routes plus the dashboard's pages). */
    public static final Set<String> PUBLIC_PATHS = Set.of("/", "/openapi.json", "/docs", "/docs/*", "/assets/*",
            "/dashboard", "/dashboard/*", "/favicon.ico");
    static final Duration AUTHORIZER_CACHE_TTL = Duration.ofSeconds(60);
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);

    private final Deque<Runnable> stopsInOrder = new ArrayDeque<>();
    private Endpoints endpoints;
    private DataDirectory dataDirectory;
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
        Files.createDirectories(dir.root());
        Files.deleteIfExists(dir.endpoints());

        ApiGatewayFrontDoor frontDoor = bindFrontDoor(options.httpPort());
        onStop(() -> frontDoor.stop(Duration.ofSeconds(2)));

        DynaliteProcess dynalite = startDynalite(options, dir);
        onStop(dynalite::close);

        S3ProxyServer s3 = startS3(dir);
        onStop(() -> closeQuietly(s3));
        s3.createBucketIfMissing(BUCKET);

        ElasticMqServer sqs = ElasticMqServer.start(
                ElasticMqSettings.persistentUnder(dir.sqs(), options.visibilityTimeout()));
        onStop(sqs::close);

        var partial = new Endpoints(ProcessHandle.current().pid(), frontDoor.endpoint(), s3.endpoint(), sqs.endpoint(),
                dynalite.endpoint(), FunctionsConfig.DEFAULT_REGION, BUCKET, TABLE, sqs.queueUrl(),
                sqs.deadLetterQueueUrl(), dir.inbox().toString());
        FunctionsConfig withoutToken = partial.functionsConfig(Optional.empty());
        var aws = new AwsClients(withoutToken);
        var table = new RecipeTable(aws.dynamoDb(), TABLE);
        table.createIfMissing();
        var tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        String serviceToken = tokenFromFileOrMint(tokens, dir.serviceToken(), DataDirectory.DEFAULT_KITCHEN,
                EnumSet.of(Scope.SERVICE), "serve: the sender's service token");
        tokenFromFileOrMint(tokens, dir.adminToken(options.kitchen()), options.kitchen(),
                EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN), "serve: admin token");
        FunctionsConfig config = partial.functionsConfig(Optional.of(serviceToken));

        var watcher = new WatcherHandler(config);
        var sender = new SenderHandler(config);
        var authorizer = new AuthorizerHandler(config);
        var api = new ApiHandler(config);

        var notifications = S3NotificationDispatcher.withDefaultRetries("watcher", watcher);
        stopsInOrder.push(() -> notifications.stop(IN_FLIGHT_GRACE));
        s3.listener(notifications);

        frontDoor.start(authorizer, api);
        onStop(() -> frontDoor.stop(Duration.ofSeconds(2)));

        var sqsClient = sqs.newClient();
        var eventSource = new SqsEventSource(sqsClient, SqsEventSourceSettings.of("sender", sqs.queueUrl(),
                sqs.queueArn(), FunctionsConfig.DEFAULT_REGION), sender).start();
        onStop(sqsClient::close);
        onStop(() -> eventSource.stop(IN_FLIGHT_GRACE));

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

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    private void onStop(Runnable stop) {
        stopsInOrder.push(stop);
    }

    private static ApiGatewayFrontDoor bindFrontDoor(int port) throws IOException {
        try {
            return ApiGatewayFrontDoor.bind(ApiGatewayFrontDoorSettings.of(port, PUBLIC_PATHS,
                    List.of("authorization", AuthorizerHandler.KITCHEN_HEADER), AUTHORIZER_CACHE_TTL));
        } catch (BindException e) {
            throw new ServeException("port " + port + " on 127.0.0.1 is already in use (the API's --http-port); "
                    + "stop what uses it or pass another --http-port (0 picks a free one)", e);
        }
    }

    private static DynaliteProcess startDynalite(ServeOptions options, DataDirectory dir) throws IOException {
        Files.createDirectories(dir.dynamoDb());
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
    private static String tokenFromFileOrMint(TokenService tokens, java.nio.file.Path file, String kitchen,
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
