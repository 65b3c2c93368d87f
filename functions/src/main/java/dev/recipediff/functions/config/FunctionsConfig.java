package dev.recipediff.functions.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the handlers need from their environment, read once at the composition root.
 * The variables are named in {@link FunctionsEnvironment} (see docs/architecture.md); every caller builds the
 * environment map and goes through {@link #fromEnvironment}. Empty optionals mean "not configured".
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
 * @param metricsNamespace      {@code METRICS_NAMESPACE}: the CloudWatch namespace of the embedded metrics
 * @param credentials           where clients talking to AWS take credentials from, decided once from the variables
 *                              the Lambda runtime sets (see {@link CredentialsSource}); clients talking to an
 *                              emulator use fixed local credentials whatever this says
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
        Optional<URI> dynamoDbEndpoint,
        CredentialsSource credentials,
        Optional<String> metricsNamespace) {

    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * Where AWS credentials come from. The Lambda runtime sets the execution role's keys as environment
     * variables, or — under SnapStart — a container credentials endpoint instead; naming the one present saves
     * the SDK's default chain its discovery (building six providers, trying system properties, profile files)
     * on every cold start. The order is the default chain's, so the same credentials are used.
     */
    public enum CredentialsSource {
        /** {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}) are set. */
        ENVIRONMENT,
        /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code _RELATIVE_URI} is set (Lambda with SnapStart). */
        CONTAINER,
        /** Neither: the SDK's default credentials chain (developer machines, serve, tests). */
        DEFAULT_CHAIN
    }

    /** Reads the configuration from environment variables (Lambda passes {@code System.getenv()}). */
    public static FunctionsConfig fromEnvironment(Map<String, String> env) {
        return new FunctionsConfig(
                text(env, FunctionsEnvironment.TABLE_NAME),
                text(env, FunctionsEnvironment.BUCKET_NAME),
                text(env, FunctionsEnvironment.JOBS_QUEUE_URL),
                uri(env, FunctionsEnvironment.API_BASE_URL),
                text(env, FunctionsEnvironment.SERVICE_TOKEN_SECRET_ARN),
                text(env, FunctionsEnvironment.SERVICE_TOKEN),
                text(env, FunctionsEnvironment.AWS_REGION).orElse(DEFAULT_REGION),
                uri(env, FunctionsEnvironment.AWS_ENDPOINT_URL_S3),
                uri(env, FunctionsEnvironment.AWS_ENDPOINT_URL_SQS),
                uri(env, FunctionsEnvironment.AWS_ENDPOINT_URL_DYNAMODB),
                credentialsSource(env),
                text(env, FunctionsEnvironment.METRICS_NAMESPACE));
    }

    private static CredentialsSource credentialsSource(Map<String, String> env) {
        if (text(env, "AWS_ACCESS_KEY_ID").isPresent()
                && text(env, "AWS_SECRET_ACCESS_KEY").isPresent()) {
            return CredentialsSource.ENVIRONMENT;
        }
        if (text(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
                || text(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()) {
            return CredentialsSource.CONTAINER;
        }
        return CredentialsSource.DEFAULT_CHAIN;
    }

    /** The table name, or a clear failure naming the missing variable. */
    public String requireTableName() {
        return tableName.orElseThrow(() -> missing(FunctionsEnvironment.TABLE_NAME));
    }

    /** The bucket name, or a clear failure naming the missing variable. */
    public String requireBucketName() {
        return bucketName.orElseThrow(() -> missing(FunctionsEnvironment.BUCKET_NAME));
    }

    /** The jobs queue's URL, or a clear failure naming the missing variable. */
    public String requireJobsQueueUrl() {
        return jobsQueueUrl.orElseThrow(() -> missing(FunctionsEnvironment.JOBS_QUEUE_URL));
    }

    /** The API's base URL (the sender), or a clear failure naming the missing variable. */
    public String requireApiBaseUrl() {
        return apiBaseUrl.map(Object::toString).orElseThrow(() -> missing(FunctionsEnvironment.API_BASE_URL));
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
