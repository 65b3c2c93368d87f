package dev.recipediff.functions.adapters.secrets;

import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The sender's service token, read from AWS Secrets Manager on first use and then kept for the life of the
 * container (one read per container, not per message). The secret's value is the token itself.
 */
public final class SecretsManagerServiceToken implements Supplier<String> {

    private final SecretsManagerClient secrets;
    private final String secretArn;
    private volatile String token;

    public SecretsManagerServiceToken(SecretsManagerClient secrets, String secretArn) {
        if (secretArn == null || secretArn.isBlank()) {
            throw new IllegalArgumentException(
                    "no service token configured: set SERVICE_TOKEN_SECRET_ARN (or SERVICE_TOKEN locally)");
        }
        this.secrets = secrets;
        this.secretArn = secretArn;
    }

    @Override
    public String get() {
        String cached = token;
        if (cached == null) {
            synchronized (this) {
                if (token == null) {
                    token = secrets.getSecretValue(b -> b.secretId(secretArn))
                            .secretString()
                            .strip();
                }
                cached = token;
            }
        }
        return cached;
    }
}
