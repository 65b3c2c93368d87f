package dev.recipediff.functions.config;

import java.net.URI;
import java.util.Map;

/**
 * Everything the handlers need to know about their surroundings, read once at the composition root.
 *
 * @param tableName             the DynamoDB table ({@code TABLE_NAME})
 * @param bucketName            the files bucket ({@code BUCKET_NAME})
 * @param jobsQueueUrl          the SQS jobs queue ({@code JOBS_QUEUE_URL})
 * @param deadLetterQueueUrl    the jobs queue's DLQ ({@code JOBS_DLQ_URL}); only reconcile/redrive need it
 * @param apiBaseUrl            base URL of the HTTP API the sender calls ({@code API_BASE_URL})
 * @param serviceToken          the sender's service token itself, one-machine mode only ({@code SERVICE_TOKEN})
 * @param serviceTokenSecretArn the Secrets Manager secret holding the service token on AWS ({@code SERVICE_TOKEN_SECRET_ARN})
 * @param region                the AWS region ({@code AWS_REGION}; {@code us-east-1} when absent)
 * @param s3Endpoint            S3 endpoint override, emulators only ({@code AWS_ENDPOINT_URL_S3}); {@code null} on AWS
 * @param sqsEndpoint           SQS endpoint override, emulators only ({@code AWS_ENDPOINT_URL_SQS}); {@code null} on AWS
 * @param dynamoDbEndpoint      DynamoDB endpoint override, emulators only ({@code AWS_ENDPOINT_URL_DYNAMODB}); {@code null} on AWS
 */
public record FunctionsConfig(
        String tableName,
        String bucketName,
        String jobsQueueUrl,
        String deadLetterQueueUrl,
        String apiBaseUrl,
        String serviceToken,
        String serviceTokenSecretArn,
        String region,
        URI s3Endpoint,
        URI sqsEndpoint,
        URI dynamoDbEndpoint) {

    private static final String DEFAULT_REGION = "us-east-1";

    public FunctionsConfig {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    /** Reads the configuration from environment variables (pass {@code System.getenv()}). */
    public static FunctionsConfig fromEnvironment(Map<String, String> env) {
        return new FunctionsConfig(
                env.get("TABLE_NAME"),
                env.get("BUCKET_NAME"),
                env.get("JOBS_QUEUE_URL"),
                env.get("JOBS_DLQ_URL"),
                env.get("API_BASE_URL"),
                env.get("SERVICE_TOKEN"),
                env.get("SERVICE_TOKEN_SECRET_ARN"),
                env.get("AWS_REGION"),
                uri(env.get("AWS_ENDPOINT_URL_S3")),
                uri(env.get("AWS_ENDPOINT_URL_SQS")),
                uri(env.get("AWS_ENDPOINT_URL_DYNAMODB")));
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value);
    }
}
