package dev.recipediff.local.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.local.deployment.Deployment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running {@code serve} listens, as written to {@code DIR/endpoints.json}; the other commands
 * ({@code submit}, {@code status}, {@code reconcile}, {@code redrive}, {@code token}) read it.
 */
public record Endpoints(
        long pid,
        URI api,
        URI s3,
        URI sqs,
        URI dynamoDb,
        String region,
        String bucket,
        String table,
        String jobsQueueUrl,
        String deadLetterQueueUrl,
        String inbox) {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** The configuration the handlers get (the service token is added by serve only). */
    public FunctionsConfig functionsConfig(Optional<String> serviceToken) {
        return functionsConfig(serviceToken, api);
    }

    /** The same configuration with the API reached at {@code apiBaseUrl} instead of {@link #api()}. */
    public FunctionsConfig functionsConfig(Optional<String> serviceToken, URI apiBaseUrl) {
        return environment(serviceToken, apiBaseUrl).toConfig();
    }

    /** The environment map Lambda would give a function, pointed at serve's emulators (one-machine mode). */
    public FunctionsEnvironment environment(Optional<String> serviceToken, URI apiBaseUrl) {
        return FunctionsEnvironment.builder()
                .tableName(table)
                .bucketName(bucket)
                .jobsQueueUrl(jobsQueueUrl)
                .apiBaseUrl(apiBaseUrl)
                .when(serviceToken, FunctionsEnvironment::serviceToken)
                .region(region)
                .s3Endpoint(s3)
                .sqsEndpoint(sqs)
                .dynamoDbEndpoint(dynamoDb);
    }

    /** This serve as the deployment the operational commands work on: its names, endpoints and region. */
    public Deployment deployment() {
        return new Deployment(
                "the recipediff serve at " + api,
                region,
                Optional.of(table),
                Optional.of(bucket),
                Optional.of(jobsQueueUrl),
                Optional.of(deadLetterQueueUrl),
                Optional.of(api),
                Map.of(
                        FunctionsEnvironment.AWS_ENDPOINT_URL_S3,
                        s3.toString(),
                        FunctionsEnvironment.AWS_ENDPOINT_URL_SQS,
                        sqs.toString(),
                        FunctionsEnvironment.AWS_ENDPOINT_URL_DYNAMODB,
                        dynamoDb.toString()));
    }

    public void writeTo(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The endpoints of the serve running on {@code dataDir}, or a clear error when none is. */
    public static Endpoints ofRunningServe(DataDirectory dataDir) {
        Path file = dataDir.endpoints();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no `recipediff serve` is running on " + dataDir.root()
                    + " (no endpoints.json); start it, or pass --data-dir");
        }
        Endpoints endpoints;
        try {
            endpoints = MAPPER.readValue(file.toFile(), Endpoints.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (ProcessHandle.of(endpoints.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return endpoints;
        }
        throw new IllegalStateException("the `recipediff serve` that wrote " + file + " (pid " + endpoints.pid()
                + ") is not running any more; start it again");
    }
}
