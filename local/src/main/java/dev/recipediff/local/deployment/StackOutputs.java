package dev.recipediff.local.deployment;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The outputs of a deployed recipediff stack ({@code TableName}, {@code BucketName}, {@code JobsQueueUrl},
 * {@code JobsDeadLetterQueueUrl}, {@code ApiUrl}, ...), read with CloudFormation {@code DescribeStacks}
 * ({@code cloudformation:DescribeStacks} on the stack is the only permission this needs).
 */
public final class StackOutputs {

    private StackOutputs() {}

    /**
     * @param endpoint another CloudFormation endpoint (tests); then fixed dummy credentials are used, else the
     *                 caller's (the SDK's default chain: environment, profile, SSO, instance role ...)
     * @throws IllegalStateException naming the stack and region when it cannot be read
     */
    public static Map<String, String> of(String stackName, String region, Optional<URI> endpoint) {
        CloudFormationClientBuilder builder =
                CloudFormationClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresentOrElse(
                uri -> builder.endpointOverride(uri)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("recipediff-local", "recipediff-local"))),
                () -> builder.credentialsProvider(
                        DefaultCredentialsProvider.builder().build()));
        try (CloudFormationClient cloudFormation = builder.build()) {
            Stack stack = cloudFormation.describeStacks(request -> request.stackName(stackName)).stacks().stream()
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("stack " + stackName + " does not exist in " + region));
            Map<String, String> outputs = new TreeMap<>();
            for (Output output : stack.outputs()) {
                outputs.put(output.outputKey(), output.outputValue());
            }
            return outputs;
        } catch (CloudFormationException e) {
            throw new IllegalStateException(
                    "cannot read the outputs of stack " + stackName + " in " + region + ": "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IllegalStateException(
                    "cannot reach CloudFormation in " + region + " for stack " + stackName + ": " + e.getMessage(), e);
        }
    }
}
