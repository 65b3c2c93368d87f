package dev.recipediff.functions.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Which credentials and region the clients get; building a client makes no call, so no emulator is needed. */
class AwsClientsTest {

    private static FunctionsConfig config(String... variables) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-central-1"));
        for (int i = 0; i < variables.length; i += 2) {
            env.put(variables[i], variables[i + 1]);
        }
        return FunctionsConfig.fromEnvironment(env);
    }

    private static IdentityProvider<?> credentialsOf(DynamoDbClient client) {
        return client.serviceClientConfiguration().credentialsProvider();
    }

    @Test
    void onLambdaWithoutSnapStartTheClientsReadTheEnvironmentCredentials() {
        AwsClients clients = new AwsClients(config(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

        try (DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(credentialsOf(dynamoDb)).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
            assertThat(dynamoDb.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        }
    }

    @Test
    void underSnapStartTheClientsReadTheContainerCredentials() {
        AwsClients clients = new AwsClients(config(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:9/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "token"));

        try (DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(credentialsOf(dynamoDb)).isInstanceOf(ContainerCredentialsProvider.class);
        }
    }

    @Test
    void elsewhereTheClientsUseTheDefaultChain() {
        try (DynamoDbClient dynamoDb = new AwsClients(config()).dynamoDb()) {
            assertThat(credentialsOf(dynamoDb)).isInstanceOf(DefaultCredentialsProvider.class);
        }
    }

    @Test
    void clientsOfOneInstanceShareTheirCredentialsProvider() {
        AwsClients clients =
                new AwsClients(config("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"));

        try (DynamoDbClient dynamoDb = clients.dynamoDb();
                S3Client s3 = clients.s3()) {
            assertThat(s3.serviceClientConfiguration().credentialsProvider()).isSameAs(credentialsOf(dynamoDb));
        }
    }

    @Test
    void aClientPointedAtAnEmulatorUsesTheLocalCredentialsWhateverTheEnvironmentHas() {
        AwsClients clients = new AwsClients(config(
                "AWS_ACCESS_KEY_ID",
                "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "secret",
                "AWS_ENDPOINT_URL_DYNAMODB",
                "http://127.0.0.1:9"));

        try (DynamoDbClient dynamoDb = clients.dynamoDb();
                S3Client s3 = clients.s3()) {
            assertThat(credentialsOf(dynamoDb)).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(s3.serviceClientConfiguration().credentialsProvider())
                    .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        }
    }
}
