package dev.recipediff.functions.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that names the functions' environment variables, and a builder of the environment map Lambda
 * gives a function. Everything that configures a function — the CDK stack, {@code recipediff serve}, the
 * cold-start bench, the tests — builds this map and goes through {@link FunctionsConfig#fromEnvironment}, the
 * same path a function takes on AWS.
 */
public final class FunctionsEnvironment {

    /** The DynamoDB table. */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** The files bucket (rejection reports live there too). */
    public static final String BUCKET_NAME = "BUCKET_NAME";
    /** The SQS jobs queue. */
    public static final String JOBS_QUEUE_URL = "JOBS_QUEUE_URL";
    /** Base URL of the HTTP API (the sender). */
    public static final String API_BASE_URL = "API_BASE_URL";
    /** The Secrets Manager secret holding the sender's service token (AWS). */
    public static final String SERVICE_TOKEN_SECRET_ARN = "SERVICE_TOKEN_SECRET_ARN";
    /** The service token itself (one-machine mode only). */
    public static final String SERVICE_TOKEN = "SERVICE_TOKEN";
    /** The region (set by the Lambda runtime). */
    public static final String AWS_REGION = "AWS_REGION";
    /** Emulator endpoints (absent on AWS). */
    public static final String AWS_ENDPOINT_URL_S3 = "AWS_ENDPOINT_URL_S3";

    public static final String AWS_ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    public static final String AWS_ENDPOINT_URL_DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";

    /** The CloudWatch namespace of the functions' embedded metrics (one per stack); "recipediff" when absent. */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";

    private final Map<String, String> variables = new LinkedHashMap<>();

    private FunctionsEnvironment() {}

    /** An empty environment, to be filled with the setters below. */
    public static FunctionsEnvironment builder() {
        return new FunctionsEnvironment();
    }

    public FunctionsEnvironment tableName(String table) {
        return set(TABLE_NAME, table);
    }

    public FunctionsEnvironment bucketName(String bucket) {
        return set(BUCKET_NAME, bucket);
    }

    public FunctionsEnvironment jobsQueueUrl(String url) {
        return set(JOBS_QUEUE_URL, url);
    }

    public FunctionsEnvironment apiBaseUrl(URI url) {
        return set(API_BASE_URL, url.toString());
    }

    public FunctionsEnvironment serviceTokenSecretArn(String arn) {
        return set(SERVICE_TOKEN_SECRET_ARN, arn);
    }

    public FunctionsEnvironment serviceToken(String token) {
        return set(SERVICE_TOKEN, token);
    }

    public FunctionsEnvironment region(String region) {
        return set(AWS_REGION, region);
    }

    public FunctionsEnvironment s3Endpoint(URI endpoint) {
        return set(AWS_ENDPOINT_URL_S3, endpoint.toString());
    }

    public FunctionsEnvironment sqsEndpoint(URI endpoint) {
        return set(AWS_ENDPOINT_URL_SQS, endpoint.toString());
    }

    public FunctionsEnvironment dynamoDbEndpoint(URI endpoint) {
        return set(AWS_ENDPOINT_URL_DYNAMODB, endpoint.toString());
    }

    public FunctionsEnvironment metricsNamespace(String namespace) {
        return set(METRICS_NAMESPACE, namespace);
    }

    /** Applies {@code setter} when {@code value} is present: {@code .when(token, FunctionsEnvironment::serviceToken)}. */
    public <T> FunctionsEnvironment when(
            Optional<T> value, java.util.function.BiFunction<FunctionsEnvironment, T, FunctionsEnvironment> setter) {
        return value.map(present -> setter.apply(this, present)).orElse(this);
    }

    /** Any variable by name (one of the constants above). */
    public FunctionsEnvironment set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** The variables, as Lambda would pass them. */
    public Map<String, String> toMap() {
        return Map.copyOf(variables);
    }

    /** What a function reads from this environment: {@link FunctionsConfig#fromEnvironment} of {@link #toMap()}. */
    public FunctionsConfig toConfig() {
        return FunctionsConfig.fromEnvironment(toMap());
    }
}
