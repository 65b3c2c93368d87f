package dev.recipediff.local.bench;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.local.serve.DataDirectory;
import dev.recipediff.local.serve.Endpoints;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code recipediff serve} started in this process on a fresh data directory, with the clients the
 * benchmarks drive it through: S3 (uploads), DynamoDB (finding recorded makes without going through the
 * API), SQS (ceiling probes) and the API over HTTP with the kitchen's admin token.
 */
public final class BenchServe implements AutoCloseable {

    public static final String KITCHEN = DataDirectory.DEFAULT_KITCHEN;

    private final ServeRuntime runtime;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final BenchApi api;

    private BenchServe(ServeRuntime runtime) throws IOException {
        this.runtime = runtime;
        Endpoints endpoints = runtime.endpoints();
        AwsClients clients = new AwsClients(endpoints.functionsConfig(Optional.empty()));
        this.s3 = clients.s3();
        this.dynamoDb = clients.dynamoDb();
        this.sqs = clients.sqs();
        String adminToken = Files.readString(runtime.dataDirectory().adminToken(KITCHEN), StandardCharsets.US_ASCII)
                .strip();
        this.api = new BenchApi(endpoints.api(), adminToken);
    }

    /** Starts serve on {@code dataDir}, which must not hold data yet (a benchmark starts fresh). */
    public static BenchServe startFresh(Path dataDir, Optional<Path> dynaliteDirectory) {
        try {
            if (Files.isDirectory(dataDir)) {
                try (var entries = Files.list(dataDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(
                                dataDir + " is not empty; a benchmark needs a fresh data directory");
                    }
                }
            }
            ServeRuntime runtime = ServeRuntime.start(ServeOptions.of(dataDir, 0, KITCHEN, dynaliteDirectory));
            try {
                return new BenchServe(runtime);
            } catch (IOException | RuntimeException e) {
                runtime.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Endpoints endpoints() {
        return runtime.endpoints();
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** The sender's service token (one-machine mode keeps it in the data directory). */
    public String serviceToken() throws IOException {
        return Files.readString(runtime.dataDirectory().serviceToken(), StandardCharsets.US_ASCII)
                .strip();
    }

    public BenchApi api() {
        return api;
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        sqs.close();
        runtime.close();
    }
}
