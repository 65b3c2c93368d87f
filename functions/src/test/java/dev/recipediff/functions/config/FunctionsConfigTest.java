package dev.recipediff.functions.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionsConfigTest {

    @Test
    void readsEveryVariable() {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME",
                "recipes",
                "BUCKET_NAME",
                "files",
                "AWS_REGION",
                "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB",
                "http://127.0.0.1:4567",
                "SERVICE_TOKEN",
                "rdt.x.y"));

        assertThat(config.requireTableName()).isEqualTo("recipes");
        assertThat(config.requireBucketName()).isEqualTo("files");
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(config.serviceToken()).contains("rdt.x.y");
        assertThat(config.s3Endpoint()).isEmpty();
    }

    @Test
    void onAwsThereAreNoEndpointsAndTheRegionDefaults() {
        FunctionsConfig config =
                FunctionsConfig.fromEnvironment(Map.of("TABLE_NAME", "recipes", "AWS_ENDPOINT_URL_S3", " "));

        assertThat(config.s3Endpoint()).isEmpty();
        assertThat(config.region()).isEqualTo(FunctionsConfig.DEFAULT_REGION);
        assertThat(config.apiBaseUrl()).isEqualTo(Optional.empty());
    }

    @Test
    void aMissingRequiredVariableIsNamed() {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of());

        assertThatThrownBy(config::requireTableName).hasMessageContaining("TABLE_NAME");
        assertThatThrownBy(config::requireBucketName).hasMessageContaining("BUCKET_NAME");
    }

    @Test
    void theExecutionRolesKeysInTheEnvironmentAreTheCredentials() {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

        assertThat(config.credentials()).isEqualTo(FunctionsConfig.CredentialsSource.ENVIRONMENT);
    }

    @Test
    void underSnapStartTheContainerEndpointIsTheCredentials() {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.100.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token"));

        assertThat(config.credentials()).isEqualTo(FunctionsConfig.CredentialsSource.CONTAINER);
    }

    @Test
    void keysWinOverAContainerEndpointAsInTheSdksDefaultChain() {
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "AWS_ACCESS_KEY_ID",
                "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "secret",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "/v2/credentials"));

        assertThat(config.credentials()).isEqualTo(FunctionsConfig.CredentialsSource.ENVIRONMENT);
    }

    @Test
    void withoutEitherTheDefaultChainDecides() {
        FunctionsConfig onlyAKey = FunctionsConfig.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"));

        assertThat(onlyAKey.credentials()).isEqualTo(FunctionsConfig.CredentialsSource.DEFAULT_CHAIN);
    }
}
