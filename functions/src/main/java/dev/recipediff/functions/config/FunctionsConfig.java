package dev.recipediff.functions.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the handlers need from their environment, read once at the composition root.
 * See docs/architecture.md for the variables. Empty optionals mean "not configured".
 *
 * @param tableName             {@code TABLE_NAME}: the DynamoDB table
 * @param bucketName            {@code BUCKET_NAME}: the files bucket (rejection reports live there)
 * @param jobsQueueUrl          {@code JOBS_QUEUE_URL}: the SQS jobs queue
 * @param apiBaseUrl            {@code API_BASE_URL}: base URL of the HTTP API (sender)
 * @param serviceTokenSecretArn {@code SERVICE_TOKEN_SECRET_ARN}: secret holding the sender's service token (AWS)
 * @param serviceToken          {@code SERVICE_TOKEN}: the service token itself (one-machine mode only)
 * @param region                {@code AWS_REGION}; {@code us-east-1} when absent
 * @param s3Endpoint            {@code AWS_ENDPOINT_URL_S3} (emulators only)
 * @param sqsEndpoint           {@code AWS_ENDPOINT_URL_SQS} (emulators only)
 * @param dynamoDbEndpoint      {@code AWS_ENDPOINT_URL_DYNAMODB} (emulators only)
 */
public record FunctionsConfig(
        Optional<String> tableName,
        Optional<String> bucketName,
        Optional<String> jobsQueueUrl,
        Optional<URI> apiBaseUrl,
        Optional<String> serviceTokenSecretArn,
        Optional<String> serviceToken,
        String region,
        Optional<URI> s3Endpoint,
        Optional<URI> sqsEndpoint,
        Optional<URI> dynamoDbEndpoint) {

    public static final String DEFAULT_REGION = "us-east-1";

    /** Reads the configuration from environment variables (Lambda passes {@code System.getenv()}). */
    public static FunctionsConfig fromEnvironment(Map<String, String> env) {
        return new FunctionsConfig(
                text(env, "TABLE_NAME"),
                text(env, "BUCKET_NAME"),
                text(env, "JOBS_QUEUE_URL"),
                uri(env, "API_BASE_URL"),
                text(env, "SERVICE_TOKEN_SECRET_ARN"),
                text(env, "SERVICE_TOKEN"),
                text(env, "AWS_REGION").orElse(DEFAULT_REGION),
                uri(env, "AWS_ENDPOINT_URL_S3"),
                uri(env, "AWS_ENDPOINT_URL_SQS"),
                uri(env, "AWS_ENDPOINT_URL_DYNAMODB"));
    }

    /** The table name, or a clear failure naming the missing variable. */
    public String requireTableName() {
        return tableName.orElseThrow(() -> missing("TABLE_NAME"));
    }

    /** The bucket name, or a clear failure naming the missing variable. */
    public String requireBucketName() {
        return bucketName.orElseThrow(() -> missing("BUCKET_NAME"));
    }

    private static IllegalStateException missing(String variable) {
        return new IllegalStateException("environment variable " + variable + " is not set");
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Optional<URI> uri(Map<String, String> env, String name) {
        return text(env, name).map(value -> {
            try {
                return URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("environment variable " + name + " is not a URI", e);
            }
        });
    }
}
