package dev.recipediff.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The two customer-managed KMS keys, both with yearly automatic rotation and kept when the stack is
 * deleted: {@code data} encrypts recipes, makes, tokens and jobs (bucket, table, queues, secret);
 * {@code ops} encrypts operational metadata (log groups, the alarm topic) and is the only key the
 * CloudWatch Logs and CloudWatch services may use.
 */
public final class EncryptionKeys extends Construct {

    private final Key data;
    private final Key ops;

    public EncryptionKeys(Construct scope, String id) {
        super(scope, id);
        data = Key.Builder.create(this, "DataKey")
                .alias("alias/" + Stack.of(this).getStackName() + "/data")
                .description("recipediff: recipes, makes, tokens and jobs at rest")
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        ops = Key.Builder.create(this, "OpsKey")
                .alias("alias/" + Stack.of(this).getStackName() + "/ops")
                .description("recipediff: logs and alarm notifications at rest")
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        allowLogsService();
        allowAlarmsToPublish();
    }

    public Key data() {
        return data;
    }

    public Key ops() {
        return ops;
    }

    /** CloudWatch Logs encrypts this account's log groups (in this region only) with the ops key. */
    private void allowLogsService() {
        ops.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsOfThisAccount")
                .principals(List.of(new ServicePrincipal("logs." + Aws.REGION + ".amazonaws.com")))
                .actions(List.of(
                        "kms:Encrypt",
                        "kms:Decrypt",
                        "kms:ReEncryptFrom",
                        "kms:ReEncryptTo",
                        "kms:GenerateDataKey",
                        "kms:GenerateDataKeyWithoutPlaintext",
                        "kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "ArnLike",
                        Map.of(
                                "kms:EncryptionContext:aws:logs:arn",
                                "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                                        + ":log-group:*")))
                .build());
    }

    /** CloudWatch alarms publish to the KMS-encrypted alarm topic. */
    private void allowAlarmsToPublish() {
        ops.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsToPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build());
    }
}
