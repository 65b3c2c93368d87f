package dev.recipediff.functions.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the AWS SDK v2 clients from a {@link FunctionsConfig}: the configured region, and — when an emulator
 * endpoint is configured — that endpoint with fixed local credentials (emulators accept any). S3 against
 * S3Proxy needs path-style and no chunked encoding.
 *
 * <p>Cold start: every client built by one instance shares one {@code UrlConnectionHttpClient} (its TLS
 * context is set up once) and one credentials provider, chosen from the configuration
 * ({@link FunctionsConfig.CredentialsSource}) instead of discovered by the SDK's default chain. Each call
 * builds a new client: build each once per handler and pass it on. The shared HTTP client is not closed when
 * a client built here is closed (the URL-connection client holds no pooled resources of its own).
 */
public final class AwsClients {

    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("recipediff-local", "recipediff-local"));

    private final FunctionsConfig config;
    private final Region region;
    private SdkHttpClient http;
    private AwsCredentialsProvider awsCredentials;

    public AwsClients(FunctionsConfig config) {
        this.config = config;
        this.region = Region.of(config.region());
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        configure(builder, config.dynamoDbEndpoint());
        return builder.build();
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .serviceConfiguration(S3Configuration.builder()
                        .chunkedEncodingEnabled(false)
                        .pathStyleAccessEnabled(config.s3Endpoint().isPresent())
                        .build());
        configure(builder, config.s3Endpoint());
        return builder.build();
    }

    public SqsClient sqs() {
        SqsClientBuilder builder = SqsClient.builder();
        configure(builder, config.sqsEndpoint());
        return builder.build();
    }

    /** Secrets Manager on AWS (the sender's service token); never used against emulators. */
    public SecretsManagerClient secretsManager() {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
        configure(builder, Optional.empty());
        return builder.build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> void configure(
            B builder, Optional<URI> endpoint) {
        builder.httpClient(http()).region(region);
        endpoint.ifPresentOrElse(
                uri -> builder.endpointOverride(uri).credentialsProvider(EMULATOR_CREDENTIALS),
                () -> builder.credentialsProvider(awsCredentials()));
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.create();
        }
        return http;
    }

    private synchronized AwsCredentialsProvider awsCredentials() {
        if (awsCredentials == null) {
            awsCredentials = switch (config.credentials()) {
                case ENVIRONMENT -> EnvironmentVariableCredentialsProvider.create();
                case CONTAINER -> ContainerCredentialsProvider.create();
                case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
            };
        }
        return awsCredentials;
    }
}
