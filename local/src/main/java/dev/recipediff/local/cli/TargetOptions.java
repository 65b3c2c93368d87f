package dev.recipediff.local.cli;

import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.local.deployment.Deployment;
import dev.recipediff.local.deployment.StackOutputs;
import dev.recipediff.local.serve.DataDirectory;
import dev.recipediff.local.serve.Endpoints;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where an operational command works: a stack on AWS ({@code --stack NAME [--region R]}: its CloudFormation
 * outputs; any of {@code --table}, {@code --bucket}, {@code --jobs-queue-url}, {@code --dlq-url},
 * {@code --api-url} overrides one output or replaces the stack), or — when none of those is given — the running
 * {@code recipediff serve} of {@code --data-dir} (its {@code endpoints.json}). {@code --endpoint-url*} send the
 * AWS calls elsewhere (an emulator, a VPC endpoint), as the AWS CLI's {@code --endpoint-url} and the SDK's
 * {@code AWS_ENDPOINT_URL_*} variables do.
 */
final class TargetOptions {

    /** Credentials and endpoints the AWS SDK reads from the environment: passed on to the handlers' configuration. */
    private static final List<String> PASSED_ON = List.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            FunctionsEnvironment.AWS_ENDPOINT_URL_S3,
            FunctionsEnvironment.AWS_ENDPOINT_URL_SQS,
            FunctionsEnvironment.AWS_ENDPOINT_URL_DYNAMODB);

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "a local serve's data directory, used when no stack is named (default: ./data)")
    Path dataDir;

    @Option(
            names = "--stack",
            paramLabel = "NAME",
            description = "a deployed stack, e.g. Recipediff-production: its outputs name the table, bucket and queues")
    Optional<String> stack;

    @Option(
            names = "--region",
            paramLabel = "R",
            description = "the stack's region (default: AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1)")
    Optional<String> region;

    @Option(names = "--table", paramLabel = "NAME", description = "the DynamoDB table (output TableName)")
    Optional<String> table;

    @Option(names = "--bucket", paramLabel = "NAME", description = "the files bucket (output BucketName)")
    Optional<String> bucket;

    @Option(names = "--jobs-queue-url", paramLabel = "URL", description = "the jobs queue (output JobsQueueUrl)")
    Optional<String> jobsQueueUrl;

    @Option(
            names = "--dlq-url",
            paramLabel = "URL",
            description = "the jobs dead-letter queue (output JobsDeadLetterQueueUrl)")
    Optional<String> deadLetterQueueUrl;

    @Option(names = "--api-url", paramLabel = "URL", description = "the HTTP API (output ApiUrl)")
    Optional<URI> apiUrl;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "send every AWS call to this endpoint instead of AWS's (e.g. an emulator)")
    Optional<URI> endpointUrl;

    @Option(names = "--endpoint-url-s3", paramLabel = "URL", description = "S3 only")
    Optional<URI> s3EndpointUrl;

    @Option(names = "--endpoint-url-sqs", paramLabel = "URL", description = "SQS only")
    Optional<URI> sqsEndpointUrl;

    @Option(names = "--endpoint-url-dynamodb", paramLabel = "URL", description = "DynamoDB only")
    Optional<URI> dynamoDbEndpointUrl;

    @Option(
            names = "--endpoint-url-cloudformation",
            paramLabel = "URL",
            description = "CloudFormation only (where --stack is looked up)")
    Optional<URI> cloudFormationEndpointUrl;

    /** The deployment named by the options; a clear {@link IllegalStateException} when it cannot be found. */
    Deployment deployment() {
        return deployment(System.getenv());
    }

    Deployment deployment(Map<String, String> processEnvironment) {
        boolean onAws = stack.isPresent()
                || table.isPresent()
                || bucket.isPresent()
                || jobsQueueUrl.isPresent()
                || deadLetterQueueUrl.isPresent();
        if (!onAws) {
            return Endpoints.ofRunningServe(new DataDirectory(dataDir)).deployment();
        }
        String resolvedRegion = region.or(
                        () -> Optional.ofNullable(processEnvironment.get(FunctionsEnvironment.AWS_REGION)))
                .or(() -> Optional.ofNullable(processEnvironment.get("AWS_DEFAULT_REGION")))
                .filter(value -> !value.isBlank())
                .orElse(FunctionsConfig.DEFAULT_REGION);
        Map<String, String> outputs = stack.map(
                        name -> StackOutputs.of(name, resolvedRegion, cloudFormationEndpointUrl.or(() -> endpointUrl)))
                .orElse(Map.of());
        Map<String, String> environment = new LinkedHashMap<>();
        PASSED_ON.forEach(name ->
                Optional.ofNullable(processEnvironment.get(name)).ifPresent(value -> environment.put(name, value)));
        putEndpoint(environment, FunctionsEnvironment.AWS_ENDPOINT_URL_S3, s3EndpointUrl);
        putEndpoint(environment, FunctionsEnvironment.AWS_ENDPOINT_URL_SQS, sqsEndpointUrl);
        putEndpoint(environment, FunctionsEnvironment.AWS_ENDPOINT_URL_DYNAMODB, dynamoDbEndpointUrl);
        String where =
                stack.map(name -> "stack " + name + " in " + resolvedRegion).orElse("AWS (" + resolvedRegion + ")");
        return new Deployment(
                where,
                resolvedRegion,
                table.or(() -> output(outputs, "TableName")),
                bucket.or(() -> output(outputs, "BucketName")),
                jobsQueueUrl.or(() -> output(outputs, "JobsQueueUrl")),
                deadLetterQueueUrl.or(() -> output(outputs, "JobsDeadLetterQueueUrl")),
                apiUrl.or(() -> output(outputs, "ApiUrl").map(URI::create)),
                environment);
    }

    /** {@code --endpoint-url-SERVICE}, else {@code --endpoint-url}, as the SDK's {@code variable}. */
    private void putEndpoint(Map<String, String> environment, String variable, Optional<URI> serviceEndpoint) {
        serviceEndpoint.or(() -> endpointUrl).ifPresent(uri -> environment.put(variable, uri.toString()));
    }

    private static Optional<String> output(Map<String, String> outputs, String key) {
        return Optional.ofNullable(outputs.get(key));
    }
}
