package dev.recipediff.functions.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.util.Optional;

/**
 * Builds the AWS SDK v2 clients from a {@link FunctionsConfig}: {@code UrlConnectionHttpClient} only, the
 * configured region, and — when an emulator endpoint is configured — that endpoint with fixed local
 * credentials (emulators accept any). S3 against S3Proxy needs path-style and no chunked encoding.
 */
public final class AwsClients {

    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("recipediff-local", "recipediff-local"));

    private final FunctionsConfig config;

    public AwsClients(FunctionsConfig config) {
        this.config = config;
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()));
        endpoint(config.dynamoDbEndpoint(), builder::endpointOverride, builder::credentialsProvider);
        return builder.build();
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .serviceConfiguration(S3Configuration.builder()
                        .chunkedEncodingEnabled(false)
                        .pathStyleAccessEnabled(config.s3Endpoint().isPresent())
                        .build());
        endpoint(config.s3Endpoint(), builder::endpointOverride, builder::credentialsProvider);
        return builder.build();
    }

    public SqsClient sqs() {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()));
        endpoint(config.sqsEndpoint(), builder::endpointOverride, builder::credentialsProvider);
        return builder.build();
    }

    /** Secrets Manager on AWS (the sender's service token); never used against emulators. */
    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .build();
    }

    private static void endpoint(Optional<URI> endpoint,
                                 java.util.function.Consumer<URI> override,
                                 java.util.function.Consumer<AwsCredentialsProvider> credentials) {
        endpoint.ifPresentOrElse(uri -> {
            override.accept(uri);
            credentials.accept(EMULATOR_CREDENTIALS);
        }, () -> credentials.accept(DefaultCredentialsProvider.builder().build()));
    }
}
