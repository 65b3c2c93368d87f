package dev.recipediff.local.serve;

import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.s3.S3ProxySettings;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import dev.recipediff.emulators.sqs.ElasticMqSettings;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code serve}'s three emulators, started in parallel (startup is bounded by the slowest, ElasticMQ, not their
 * sum): dynalite with the table and the data directory's tokens, S3Proxy with the bucket, ElasticMQ with the
 * jobs queue and its DLQ. Each one's stop is registered as soon as it has started.
 *
 * @param serviceToken the sender's service token (it lives in the table)
 */
record ServeEmulators(DynaliteProcess dynalite, S3ProxyServer s3, ElasticMqServer sqs, String serviceToken) {

    private record DynaliteWithTokens(DynaliteProcess dynalite, String serviceToken) {}

    /**
     * Starts all three; when one fails, the others that did start are registered to stop (dynalite last) and the
     * first failure is thrown.
     */
    static ServeEmulators start(ServeOptions options, ShutdownSequence shutdown) {
        DataDirectory dir = options.dataDirectory();
        ExecutorService starters = Executors.newFixedThreadPool(
                3, Thread.ofPlatform().name("serve-start-", 0).factory());
        try {
            CompletableFuture<DynaliteWithTokens> dynamo =
                    CompletableFuture.supplyAsync(() -> startDynaliteWithTokens(options, dir), starters);
            CompletableFuture<S3ProxyServer> s3 = CompletableFuture.supplyAsync(() -> startS3(dir), starters);
            CompletableFuture<ElasticMqServer> sqs = CompletableFuture.supplyAsync(
                    () -> ElasticMqServer.start(
                            ElasticMqSettings.persistentUnder(dir.sqs(), options.visibilityTimeout())),
                    starters);
            await(dynamo, s3, sqs, shutdown);
            s3.join().createBucketIfMissing(ServeRuntime.BUCKET);
            return new ServeEmulators(
                    dynamo.join().dynalite(),
                    s3.join(),
                    sqs.join(),
                    dynamo.join().serviceToken());
        } finally {
            starters.shutdown();
        }
    }

    private static void await(
            CompletableFuture<DynaliteWithTokens> dynamo,
            CompletableFuture<S3ProxyServer> s3,
            CompletableFuture<ElasticMqServer> sqs,
            ShutdownSequence shutdown) {
        try {
            CompletableFuture.allOf(dynamo, s3, sqs).join();
        } catch (CompletionException e) {
            // allOf completes only when all are done: register what did start so that shutdown stops it
        }
        if (!dynamo.isCompletedExceptionally()) {
            shutdown.onStop(dynamo.join().dynalite()::close);
        }
        if (!s3.isCompletedExceptionally()) {
            shutdown.onStopClose(s3.join());
        }
        if (!sqs.isCompletedExceptionally()) {
            shutdown.onStop(sqs.join()::close);
        }
        for (CompletableFuture<?> future : List.of(dynamo, s3, sqs)) {
            try {
                future.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
    }

    /** dynalite, the table, and the service + admin tokens (they live in the table). */
    private static DynaliteWithTokens startDynaliteWithTokens(ServeOptions options, DataDirectory dir) {
        DynaliteProcess dynalite = startDynalite(options, dir);
        try {
            var onlyDynamo = FunctionsEnvironment.builder()
                    .tableName(ServeRuntime.TABLE)
                    .dynamoDbEndpoint(dynalite.endpoint())
                    .toConfig();
            var table = new RecipeTable(new AwsClients(onlyDynamo).dynamoDb(), ServeRuntime.TABLE);
            table.createIfMissing();
            String serviceToken = ServeTokens.ensure(
                    new TokenService(new TokenRecords(table), Clock.systemUTC()), dir, options.kitchen());
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
            dynaliteOptions =
                    dynaliteOptions.withDynaliteDir(options.dynaliteDirectory().get());
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
}
