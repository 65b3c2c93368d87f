package dev.recipediff.infra;

import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.pipeline.WatcherNotifications;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The whole recipediff deployment: files bucket → watcher → jobs queue → sender → HTTP API (authorizer +
 * api) → table, with keys, alarms and a dashboard. See docs/deploy.md and docs/security.md.
 */
public final class RecipediffStack extends Stack {

    public static final Duration API_TIMEOUT = Duration.seconds(20);
    public static final Duration AUTHORIZER_TIMEOUT = Duration.seconds(5);
    public static final Duration WATCHER_TIMEOUT = Duration.seconds(30);
    public static final Duration SENDER_TIMEOUT = Duration.seconds(60);
    /** The sender's reserved concurrency, which also caps the SQS event source, so the API is not flooded. */
    public static final int SENDER_CONCURRENCY = 5;

    public static final int SENDER_BATCH_SIZE = 10;

    private final EncryptionKeys keys;
    private final FilesBucket files;
    private final JobQueues queues;
    private final DataTable table;
    private final Secret serviceToken;
    private final LambdaFunction api;
    private final LambdaFunction authorizer;
    private final LambdaFunction watcher;
    private final LambdaFunction sender;
    private final HttpFrontDoor frontDoor;
    private final Monitoring monitoring;
    private final GradualDeployments deployments;
    private final DeploymentStage stage;

    public RecipediffStack(
            Construct scope, String id, StackProps props, DeploymentStage stage, FunctionJars jars, String alarmEmail) {
        super(scope, id, props);
        this.stage = stage;
        // S3 server access logs are delivered under a bucket policy (not the legacy log-delivery ACL),
        // so the log bucket keeps ACLs disabled
        getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        keys = new EncryptionKeys(this, "Keys");
        files = new FilesBucket(this, "Files", keys.data());
        queues = new JobQueues(this, "Queues", keys.data(), SENDER_TIMEOUT);
        table = new DataTable(this, "Data", keys.data(), TableSchema.RECIPEDIFF);
        serviceToken = Secret.Builder.create(this, "ServiceToken")
                .description("recipediff: the sender's service token (replace with a minted token, see docs/deploy.md)")
                .encryptionKey(keys.data())
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        String bucketName = files.files().getBucketName();
        String tableName = table.table().getTableName();
        api = new LambdaFunction(
                this,
                "Api",
                new FunctionSpec(
                        "api",
                        FunctionSpec.API_HANDLER,
                        jars.api(),
                        1024,
                        API_TIMEOUT,
                        Map.of(
                                FunctionsEnvironment.TABLE_NAME,
                                tableName,
                                FunctionsEnvironment.BUCKET_NAME,
                                bucketName,
                                // GET /pipeline/status: the jobs queue (its dead-letter queue is found from the redrive
                                // policy)
                                FunctionsEnvironment.JOBS_QUEUE_URL,
                                queues.jobs().getQueueUrl()),
                        "recipediff HTTP API and dashboard"),
                keys.ops(),
                null,
                null);
        authorizer = new LambdaFunction(
                this,
                "Authorizer",
                new FunctionSpec(
                        "authorizer",
                        FunctionSpec.AUTHORIZER_HANDLER,
                        jars.authorizer(),
                        512,
                        AUTHORIZER_TIMEOUT,
                        Map.of(FunctionsEnvironment.TABLE_NAME, tableName),
                        "recipediff bearer-token authorizer"),
                keys.ops(),
                null,
                null);
        watcher = new LambdaFunction(
                this,
                "Watcher",
                new FunctionSpec(
                        "watcher",
                        FunctionSpec.WATCHER_HANDLER,
                        jars.watcher(),
                        512,
                        WATCHER_TIMEOUT,
                        Map.of(
                                FunctionsEnvironment.BUCKET_NAME,
                                bucketName,
                                FunctionsEnvironment.JOBS_QUEUE_URL,
                                queues.jobs().getQueueUrl()),
                        "recipediff: new files in the bucket become jobs"),
                keys.ops(),
                queues.watcherDeadLetters(),
                null);
        frontDoor = new HttpFrontDoor(this, "Http", api.alias(), authorizer.alias(), keys.ops());
        sender = new LambdaFunction(
                this,
                "Sender",
                new FunctionSpec(
                        "sender",
                        FunctionSpec.SENDER_HANDLER,
                        jars.sender(),
                        1024,
                        SENDER_TIMEOUT,
                        Map.of(
                                FunctionsEnvironment.BUCKET_NAME,
                                bucketName,
                                FunctionsEnvironment.API_BASE_URL,
                                frontDoor.url(),
                                FunctionsEnvironment.SERVICE_TOKEN_SECRET_ARN,
                                serviceToken.getSecretArn()),
                        "recipediff: jobs become API calls"),
                keys.ops(),
                null,
                SENDER_CONCURRENCY);

        files.notifyWatcher(watcher.alias(), WatcherNotifications.RULES);
        sender.alias()
                .addEventSource(new SqsEventSource(
                        queues.jobs(),
                        SqsEventSourceProps.builder()
                                .batchSize(SENDER_BATCH_SIZE)
                                .reportBatchItemFailures(true)
                                .maxConcurrency(SENDER_CONCURRENCY)
                                .build()));

        grantApi();
        grantAuthorizer();
        grantWatcher();
        grantSender();

        monitoring = new Monitoring(this, "Monitoring", keys.ops(), alarmEmail);
        deployments = new GradualDeployments(this, "Deployments", stage.deployment());
        watchEverything();
        ComplianceSuppressions.apply(this);

        CfnOutput.Builder.create(this, "ApiUrl")
                .value(frontDoor.url())
                .description("Base URL of the HTTP API; the dashboard is at its root")
                .build();
        CfnOutput.Builder.create(this, "BucketName")
                .value(bucketName)
                .description("Drop {kitchen}/recipes/*.json and {kitchen}/makes/*.json here")
                .build();
        CfnOutput.Builder.create(this, "DashboardUrl")
                .value(monitoring.dashboardUrl())
                .description("CloudWatch dashboard")
                .build();
        CfnOutput.Builder.create(this, "TableName")
                .value(tableName)
                .description("DynamoDB table (recipediff token mint --table ...)")
                .build();
        CfnOutput.Builder.create(this, "ServiceTokenSecretArn")
                .value(serviceToken.getSecretArn())
                .description("Secret holding the sender's service token")
                .build();
        CfnOutput.Builder.create(this, "JobsDeadLetterQueueUrl")
                .value(queues.jobsDeadLetters().getQueueUrl())
                .description("Jobs that failed " + JobQueues.MAX_RECEIVE_COUNT + " times")
                .build();
        CfnOutput.Builder.create(this, "JobsQueueUrl")
                .value(queues.jobs().getQueueUrl())
                .description("Jobs queue (redrive target)")
                .build();
        for (LambdaFunction function : List.of(api, authorizer, watcher, sender)) {
            String name = function.getNode().getId();
            CfnOutput.Builder.create(this, name + "FunctionName")
                    .value(function.function().getFunctionName())
                    .description("The " + name.toLowerCase(Locale.ROOT) + " function (alias live)")
                    .build();
            CfnOutput.Builder.create(this, name + "LogGroup")
                    .value(function.logGroup().getLogGroupName())
                    .description("The " + name.toLowerCase(Locale.ROOT) + " function's logs")
                    .build();
        }
        CfnOutput.Builder.create(this, "WatcherDeadLetterQueueUrl")
                .value(queues.watcherDeadLetters().getQueueUrl())
                .description("S3 events the watcher failed on")
                .build();
    }

    private void grantApi() {
        api.allow(PolicyStatement.Builder.create()
                .sid("ReadWriteTable")
                .actions(List.of(
                        "dynamodb:GetItem",
                        "dynamodb:Query",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:DescribeTable"))
                .resources(table.tableAndIndexArns())
                .build());
        // the audit trail (K#<kitchen>#AUDIT, hash-chained) is append-only: the API may put a new entry
        // (conditional on the sequence) but nothing may update or delete one
        api.allow(PolicyStatement.Builder.create()
                .sid("AuditTrailIsAppendOnly")
                .effect(Effect.DENY)
                .actions(List.of(
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchWriteItem",
                        "dynamodb:PartiQLUpdate",
                        "dynamodb:PartiQLDelete"))
                .resources(table.tableAndIndexArns())
                .conditions(Map.of("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", List.of("K#*#AUDIT"))))
                .build());
        api.allow(PolicyStatement.Builder.create()
                .sid("ListRejectionReports")
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(files.files().getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of("*/rejected/*"))))
                .build());
        api.allow(PolicyStatement.Builder.create()
                .sid("ReadRejectionReports")
                .actions(List.of("s3:GetObject"))
                .resources(List.of(files.objectsInEveryKitchen("rejected")))
                .build());
        // GET /pipeline/status: the depth of the jobs queue and of the dead-letter queue its redrive policy names
        api.allow(PolicyStatement.Builder.create()
                .sid("ReadQueueDepths")
                .actions(List.of("sqs:GetQueueAttributes"))
                .resources(List.of(
                        queues.jobs().getQueueArn(), queues.jobsDeadLetters().getQueueArn()))
                .build());
        api.allow(PolicyStatement.Builder.create()
                .sid("FindDeadLetterQueue")
                .actions(List.of("sqs:GetQueueUrl"))
                .resources(List.of(queues.jobsDeadLetters().getQueueArn()))
                .build());
        api.allowKey(
                keys.data(),
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of("dynamodb", "s3"));
    }

    private void grantAuthorizer() {
        authorizer.allow(PolicyStatement.Builder.create()
                .sid("ReadTokens")
                .actions(List.of("dynamodb:GetItem", "dynamodb:DescribeTable"))
                .resources(table.tableAndIndexArns())
                .build());
        authorizer.allowKey(keys.data(), List.of("kms:Decrypt", "kms:DescribeKey"), List.of("dynamodb"));
    }

    private void grantWatcher() {
        watcher.allow(writeRejectionReports(List.of("s3:PutObject", "s3:PutObjectTagging")));
        watcher.allow(PolicyStatement.Builder.create()
                .sid("QueueJobs")
                .actions(List.of("sqs:SendMessage", "sqs:GetQueueAttributes"))
                .resources(List.of(queues.jobs().getQueueArn()))
                .build());
        watcher.allow(PolicyStatement.Builder.create()
                .sid("KeepFailedEvents")
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queues.watcherDeadLetters().getQueueArn()))
                .build());
        watcher.allowKey(keys.data(), List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of("s3", "sqs"));
    }

    private void grantSender() {
        sender.allow(PolicyStatement.Builder.create()
                .sid("ReadSubmittedFiles")
                .actions(List.of("s3:GetObject", "s3:GetObjectVersion"))
                .resources(List.of(files.objectsInEveryKitchen("recipes"), files.objectsInEveryKitchen("makes")))
                .build());
        // a file accepted after an earlier rejection clears its old report
        sender.allow(writeRejectionReports(List.of("s3:PutObject", "s3:PutObjectTagging", "s3:DeleteObject")));
        sender.allow(PolicyStatement.Builder.create()
                .sid("ConsumeJobs")
                .actions(List.of(
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueAttributes"))
                .resources(List.of(queues.jobs().getQueueArn()))
                .build());
        sender.allow(PolicyStatement.Builder.create()
                .sid("ReadServiceToken")
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(serviceToken.getSecretArn()))
                .build());
        sender.allowKey(
                keys.data(), List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of("s3", "sqs", "secretsmanager"));
    }

    private PolicyStatement writeRejectionReports(List<String> actions) {
        return PolicyStatement.Builder.create()
                .sid("WriteRejectionReports")
                .actions(actions)
                .resources(List.of(files.objectsInEveryKitchen("rejected")))
                .build();
    }

    private void watchEverything() {
        monitoring.alarmOnDeadLetters("JobsDeadLettersWaiting", queues.jobsDeadLetters());
        monitoring.alarmOnDeadLetters("WatcherDeadLettersWaiting", queues.watcherDeadLetters());
        monitoring.alarmOnOldestJob(queues.jobs());
        Alarm apiErrors = monitoring.alarmOnErrors("ApiErrors", api);
        Alarm authorizerErrors = monitoring.alarmOnErrors("AuthorizerErrors", authorizer);
        Alarm watcherErrors = monitoring.alarmOnErrors("WatcherErrors", watcher);
        Alarm senderErrors = monitoring.alarmOnErrors("SenderErrors", sender);
        Alarm api5xx = monitoring.alarmOnServerErrors(frontDoor.api());
        for (LambdaFunction function : List.of(api, authorizer, watcher, sender)) {
            String name = function.getNode().getId();
            monitoring.alarmOnThrottles(name + "Throttles", function);
        }
        monitoring.alarmOnDurationNearTimeout("ApiNearTimeout", api, API_TIMEOUT);
        monitoring.alarmOnDurationNearTimeout("AuthorizerNearTimeout", authorizer, AUTHORIZER_TIMEOUT);
        monitoring.alarmOnDurationNearTimeout("WatcherNearTimeout", watcher, WATCHER_TIMEOUT);
        monitoring.alarmOnDurationNearTimeout("SenderNearTimeout", sender, SENDER_TIMEOUT);
        Alarm senderBatchFailures = monitoring.alarmOnBatchItemFailureRate(LambdaFunction.metricsNamespace(this));
        monitoring.alarmOnTableThrottles(table.table());
        deployments.add("Api", api, List.of(apiErrors, api5xx));
        deployments.add("Authorizer", authorizer, List.of(authorizerErrors, api5xx));
        deployments.add("Watcher", watcher, List.of(watcherErrors));
        deployments.add("Sender", sender, List.of(senderErrors, senderBatchFailures));

        monitoring.addRow(
                "HTTP API: requests, 4xx, 5xx",
                List.of(
                        frontDoor.api().metricCount(),
                        frontDoor.api().metricClientError(),
                        frontDoor.api().metricServerError()));
        monitoring.addRow(
                "HTTP API: latency (ms)",
                List.of(frontDoor.api().metricLatency(), frontDoor.api().metricIntegrationLatency()));
        monitoring.addRow(
                "Function errors",
                List.of(
                        api.function().metricErrors(),
                        authorizer.function().metricErrors(),
                        watcher.function().metricErrors(),
                        sender.function().metricErrors()));
        monitoring.addRow(
                "Function duration (ms)",
                List.of(
                        api.function().metricDuration(),
                        authorizer.function().metricDuration(),
                        watcher.function().metricDuration(),
                        sender.function().metricDuration()));
        monitoring.addRow(
                "Jobs: waiting, oldest (s), dead letters",
                List.of(
                        queues.jobs().metricApproximateNumberOfMessagesVisible(),
                        queues.jobs().metricApproximateAgeOfOldestMessage(),
                        queues.jobsDeadLetters().metricApproximateNumberOfMessagesVisible(),
                        queues.watcherDeadLetters().metricApproximateNumberOfMessagesVisible()));
    }

    public EncryptionKeys keys() {
        return keys;
    }

    public FilesBucket files() {
        return files;
    }

    public JobQueues queues() {
        return queues;
    }

    public DataTable table() {
        return table;
    }

    public Secret serviceToken() {
        return serviceToken;
    }

    public LambdaFunction api() {
        return api;
    }

    public LambdaFunction authorizer() {
        return authorizer;
    }

    public LambdaFunction watcher() {
        return watcher;
    }

    public LambdaFunction sender() {
        return sender;
    }

    public HttpFrontDoor frontDoor() {
        return frontDoor;
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    public GradualDeployments deployments() {
        return deployments;
    }

    public DeploymentStage stage() {
        return stage;
    }
}
