package dev.recipediff.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.constructs.IConstruct;

/**
 * Every cdk-nag finding (AWS Solutions and HIPAA Security packs) this stack accepts, each attached to the
 * one resource it concerns and carrying the reason it is acceptable. docs/security.md repeats them.
 */
final class ComplianceSuppressions {

    static final String NO_VPC = "The functions reach only AWS service endpoints (S3, SQS, DynamoDB, Secrets"
            + " Manager, the public HTTP API) over TLS with SigV4/IAM authorization; there is no VPC resource to"
            + " reach. Placing them in a VPC would add NAT or interface endpoints (HTTP APIs cannot be private, so"
            + " the sender would need NAT) without reducing the attack surface; network isolation is provided by"
            + " IAM least privilege and TLS. Accounts that mandate VPC placement can add subnets per docs/security.md.";
    static final String SYNCHRONOUS_NO_DLQ = "Invoked synchronously only (API Gateway request or authorizer"
            + " call): a Lambda dead-letter queue applies to asynchronous invocations and would never receive"
            + " anything. Failures surface to the caller and raise the function-errors alarm.";
    static final String NOT_RESERVED = "Bounded by the HTTP API stage throttling (rate/burst) or, for the"
            + " watcher, by the S3 event rate; reserving concurrency here would cap legitimate traffic and eat"
            + " into the account's unreserved pool (AWS keeps at least 100 unreserved). Only the sender, which"
            + " drives load into the API, has reserved concurrency.";
    static final String REJECTED_OBJECTS = "Object keys are data: rejection reports live at"
            + " {kitchen}/rejected/..., and kitchens are created at run time, so the ARN names the bucket and the"
            + " 'rejected' area of every kitchen — the narrowest pattern S3 ARNs can express.";
    static final String SUBMITTED_OBJECTS = "Object keys are data: submitted files live at {kitchen}/recipes/..."
            + " and {kitchen}/makes/..., and kitchens are created at run time, so the ARN names the bucket and"
            + " those two areas of every kitchen — the narrowest pattern S3 ARNs can express.";

    private ComplianceSuppressions() {}

    static void apply(RecipediffStack stack) {
        functions(stack);
        storage(stack);
        publicRoutes(stack);
        serviceToken(stack);
        bucketNotificationsHandler(stack);
        canaryDeployments(stack);
    }

    /** CodeDeploy's service role for the canary of each function's live alias. */
    private static void canaryDeployments(RecipediffStack stack) {
        for (var group : stack.deployments().groups().values()) {
            suppress(
                    group,
                    "AwsSolutions-IAM4",
                    "CodeDeploy's own service role for Lambda deployments"
                            + " uses AWSCodeDeployRoleForLambdaLimited, the AWS-managed policy scoped to what a Lambda"
                            + " canary needs (read and update aliases, read alarms, publish to SNS topics named"
                            + " CodeDeployTopic*); AWS keeps it in step with the service. The role is assumable by"
                            + " codedeploy.amazonaws.com only and none of the functions can use it.");
        }
    }

    private static void functions(RecipediffStack stack) {
        for (LambdaFunction function : List.of(stack.api(), stack.authorizer(), stack.watcher(), stack.sender())) {
            suppress(function.function(), "HIPAA.Security-LambdaInsideVPC", NO_VPC);
            suppressWildcards(
                    function.permissions(),
                    "Active tracing: xray:PutTraceSegments and"
                            + " xray:PutTelemetryRecords support no resource-level permissions (the AWS managed policy"
                            + " AWSXRayDaemonWriteAccess grants them on * too); they write trace data only.",
                    "Resource::*");
        }
        for (LambdaFunction function : List.of(stack.api(), stack.authorizer())) {
            suppress(function.function(), "HIPAA.Security-LambdaDLQ", SYNCHRONOUS_NO_DLQ);
            suppress(function.function(), "HIPAA.Security-LambdaConcurrency", NOT_RESERVED);
        }
        suppress(stack.watcher().function(), "HIPAA.Security-LambdaConcurrency", NOT_RESERVED);
        suppress(
                stack.sender().function(),
                "HIPAA.Security-LambdaDLQ",
                "Invoked by the SQS event source"
                        + " mapping (synchronously): a message that fails " + JobQueues.MAX_RECEIVE_COUNT
                        + " times moves"
                        + " to the jobs dead-letter queue through the queue's redrive policy, which is alarmed.");

        String files = "<"
                + stack.getLogicalId((CfnBucket) stack.files().files().getNode().getDefaultChild()) + ".Arn>";
        suppressWildcards(stack.api().permissions(), REJECTED_OBJECTS, "Resource::" + files + "/*/rejected/*");
        suppressWildcards(stack.watcher().permissions(), REJECTED_OBJECTS, "Resource::" + files + "/*/rejected/*");
        suppressWildcards(stack.sender().permissions(), REJECTED_OBJECTS, "Resource::" + files + "/*/rejected/*");
        suppressWildcards(
                stack.sender().permissions(),
                SUBMITTED_OBJECTS,
                "Resource::" + files + "/*/recipes/*",
                "Resource::" + files + "/*/makes/*");
    }

    private static void storage(RecipediffStack stack) {
        String noReplication = "Cross-region replication is a disaster-recovery decision that needs a second"
                + " region (and, for PHI, a second BAA-covered account) chosen by the operator; the bucket is"
                + " versioned, KMS-encrypted and retained on stack deletion. docs/security.md lists replication"
                + " among the account-level controls.";
        suppress(stack.files().files(), "HIPAA.Security-S3BucketReplicationEnabled", noReplication);
        suppress(stack.files().accessLogs(), "HIPAA.Security-S3BucketReplicationEnabled", noReplication);
        suppress(
                stack.files().accessLogs(),
                "HIPAA.Security-S3DefaultEncryptionKMS",
                "S3 server access logging"
                        + " delivers only to buckets whose default encryption is SSE-S3 (AES-256); SSE-KMS targets are"
                        + " not supported. Access logs hold request metadata, not file content; the bucket is private,"
                        + " TLS-only and versioned.");
        suppress(
                stack.table().table(),
                "HIPAA.Security-DynamoDBInBackupPlan",
                "Continuous backups are on"
                        + " (point-in-time recovery, 35 days), the table has deletion protection and is retained on stack"
                        + " deletion. Longer-term backups belong to an AWS Backup plan/organization backup policy owned by"
                        + " the account (docs/security.md, 'Outside the code').");
    }

    private static void publicRoutes(RecipediffStack stack) {
        for (var route : stack.frontDoor().publicRoutes()) {
            suppress(
                    route,
                    "AwsSolutions-APIG4",
                    "Deliberately public, read-only route: the OpenAPI document,"
                            + " the dashboard page, the API docs page and the dashboard's static assets contain no"
                            + " kitchen data; every data route goes through the Lambda token authorizer.");
        }
    }

    private static void serviceToken(RecipediffStack stack) {
        String reason = "The secret is a recipediff API token (its SHA-256 hash is stored in the table), not a"
                + " credential a Secrets Manager rotation function could regenerate without write access to the"
                + " token table. Rotation is a documented operator runbook (docs/deploy.md, 'Rotating the"
                + " service token': mint, put-secret-value, revoke the old token).";
        suppress(stack.serviceToken(), "AwsSolutions-SMG4", reason);
        suppress(stack.serviceToken(), "HIPAA.Security-SecretsManagerRotationEnabled", reason);
    }

    /** CDK's own singleton function that writes the bucket notification configuration during deployment. */
    private static void bucketNotificationsHandler(RecipediffStack stack) {
        for (IConstruct child : stack.getNode().getChildren()) {
            if (child.getNode().getId().startsWith("BucketNotificationsHandler")) {
                suppress(
                        child,
                        "AwsSolutions-IAM4",
                        "CDK's built-in BucketNotificationsHandler (runs only"
                                + " during deployment to write the bucket's notification configuration) uses"
                                + " AWSLambdaBasicExecutionRole for its own logs; it is not configurable.");
            }
        }
        suppress(
                stack.files().files().getNode().findChild("Notifications"),
                "HIPAA.Security-IAMNoInlinePolicy",
                "CDK's built-in BucketNotificationsHandler policy: s3:PutBucketNotification on this bucket only,"
                        + " used during deployment; CDK attaches it inline and it is not configurable.");
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()),
                true);
    }

    private static void suppressWildcards(IConstruct construct, String reason, String... findings) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason(reason)
                        .appliesTo(List.<Object>of((Object[]) findings))
                        .build()),
                true);
    }
}
