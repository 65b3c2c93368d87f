package dev.recipediff.local.deployment;

import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.FunctionsEnvironment;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The recipediff deployment an operational command ({@code token mint}, {@code status}, {@code submit},
 * {@code reconcile}, {@code redrive}) works on: a stack on AWS (its CloudFormation outputs, see
 * {@link StackOutputs}) or a running {@code recipediff serve} ({@code DIR/endpoints.json}). Both reach the same
 * code path: {@link #functionsConfig()} builds the environment map a Lambda function gets and reads it with
 * {@link FunctionsConfig#fromEnvironment}; only the endpoints ({@code AWS_ENDPOINT_URL_*}, set for emulators) and
 * the credentials (the caller's on AWS, the emulators' fixed ones locally) differ.
 *
 * @param where            what this is, for messages ("stack Recipediff-production in eu-west-1", "serve on ./data")
 * @param region           the AWS region
 * @param table            the DynamoDB table ({@code TableName} output)
 * @param bucket           the files bucket ({@code BucketName} output)
 * @param jobsQueueUrl     the jobs queue ({@code JobsQueueUrl} output)
 * @param deadLetterQueueUrl the jobs dead-letter queue ({@code JobsDeadLetterQueueUrl} output)
 * @param api              the HTTP API's base URL ({@code ApiUrl} output)
 * @param environment      further variables: {@code AWS_ENDPOINT_URL_S3/_SQS/_DYNAMODB} and the caller's credentials
 */
public record Deployment(
        String where,
        String region,
        Optional<String> table,
        Optional<String> bucket,
        Optional<String> jobsQueueUrl,
        Optional<String> deadLetterQueueUrl,
        Optional<URI> api,
        Map<String, String> environment) {

    public Deployment {
        environment = Map.copyOf(environment);
    }

    /** What the handlers would get as their environment, read the way they read it. */
    public FunctionsConfig functionsConfig() {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(FunctionsEnvironment.AWS_REGION, region);
        table.ifPresent(value -> env.put(FunctionsEnvironment.TABLE_NAME, value));
        bucket.ifPresent(value -> env.put(FunctionsEnvironment.BUCKET_NAME, value));
        jobsQueueUrl.ifPresent(value -> env.put(FunctionsEnvironment.JOBS_QUEUE_URL, value));
        return FunctionsConfig.fromEnvironment(env);
    }

    public String requireTable() {
        return table.orElseThrow(() -> missing("table", "TableName", "--table"));
    }

    public String requireBucket() {
        return bucket.orElseThrow(() -> missing("bucket", "BucketName", "--bucket"));
    }

    public String requireJobsQueueUrl() {
        return jobsQueueUrl.orElseThrow(() -> missing("jobs queue", "JobsQueueUrl", "--jobs-queue-url"));
    }

    public String requireDeadLetterQueueUrl() {
        return deadLetterQueueUrl.orElseThrow(
                () -> missing("dead-letter queue", "JobsDeadLetterQueueUrl", "--dlq-url"));
    }

    private IllegalStateException missing(String what, String output, String option) {
        return new IllegalStateException(
                "no " + what + " for " + where + ": pass " + option + " or --stack NAME (its output " + output + ")");
    }
}
