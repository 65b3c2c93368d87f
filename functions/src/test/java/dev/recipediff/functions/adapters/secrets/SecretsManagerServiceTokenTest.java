package dev.recipediff.functions.adapters.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class SecretsManagerServiceTokenTest {

    /** Test double of the Secrets Manager client: one secret, counts reads. */
    private static final class OneSecret implements SecretsManagerClient {
        final AtomicInteger reads = new AtomicInteger();
        String requestedId;

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            reads.incrementAndGet();
            requestedId = request.secretId();
            return GetSecretValueResponse.builder()
                    .secretString("rdt.abc.secret\n")
                    .build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {}
    }

    @Test
    void theTokenIsReadOnceAndThenServedFromMemory() {
        OneSecret secrets = new OneSecret();
        SecretsManagerServiceToken token =
                new SecretsManagerServiceToken(secrets, "arn:aws:secretsmanager:us-east-1:1:secret:svc");

        assertThat(token.get()).isEqualTo("rdt.abc.secret");
        assertThat(token.get()).isEqualTo("rdt.abc.secret");
        assertThat(secrets.reads).hasValue(1);
        assertThat(secrets.requestedId).isEqualTo("arn:aws:secretsmanager:us-east-1:1:secret:svc");
    }

    @Test
    void aMissingSecretArnIsAClearConfigurationError() {
        assertThatThrownBy(() -> new SecretsManagerServiceToken(new OneSecret(), null))
                .hasMessageContaining("SERVICE_TOKEN_SECRET_ARN");
    }
}
