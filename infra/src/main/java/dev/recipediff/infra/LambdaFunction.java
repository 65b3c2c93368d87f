package dev.recipediff.infra;

import dev.recipediff.functions.config.FunctionsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One Lambda function the way every recipediff function is deployed: Java 25 runtime on arm64, SnapStart
 * on published versions, traffic through the {@value #ALIAS} alias (event sources and integrations target
 * the alias, never {@code $LATEST}), JSON logs into its own KMS-encrypted log group with retention, and an
 * execution role whose only permissions are the statements added with {@link #allow} (collected in one
 * customer-managed policy; no AWS-managed policy, no CDK auto-grants). No physical name is set (function, log
 * group): CloudFormation derives unique ones from the stack, so several stacks can share an account and region.
 */
public final class LambdaFunction extends Construct {

    public static final String ALIAS = "live";
    public static final Runtime RUNTIME = Runtime.JAVA_25;
    public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_YEAR;
    public static final int ASYNC_RETRY_ATTEMPTS = 2;

    private final Function function;
    private final Alias alias;
    private final ManagedPolicy permissions;
    private final LogGroup logGroup;

    /**
     * @param asyncDeadLetters where Lambda puts events of failed asynchronous invocations, or null for
     *                         functions that are only invoked synchronously
     * @param reservedConcurrency reserved concurrent executions, or null for none
     */
    public LambdaFunction(
            Construct scope,
            String id,
            FunctionSpec spec,
            IKey opsKey,
            IQueue asyncDeadLetters,
            Integer reservedConcurrency) {
        super(scope, id);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(LOG_RETENTION)
                .encryptionKey(opsKey)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("recipediff " + spec.name() + " function")
                .build();
        permissions = ManagedPolicy.Builder.create(this, "Permissions")
                .description("recipediff " + spec.name() + ": least-privilege permissions")
                .roles(List.of(role))
                .build();
        allow(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());

        // active tracing: the role is fixed (withoutPolicyUpdates), so CDK cannot add X-Ray's permissions itself;
        // X-Ray's write actions have no resource-level permissions (hence "*", an accepted nag finding)
        allow(PolicyStatement.Builder.create()
                .sid("WriteTraces")
                .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"))
                .resources(List.of("*"))
                .build());

        IRole fixedRole = role.withoutPolicyUpdates();
        Function.Builder builder = Function.Builder.create(this, "Function")
                .description(spec.description())
                .runtime(RUNTIME)
                .architecture(Architecture.ARM_64)
                .handler(spec.handler())
                .code(Code.fromAsset(spec.jar().toString()))
                .memorySize(spec.memoryMiB())
                .timeout(spec.timeout())
                .environment(environment(spec))
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.WARN)
                .logGroup(logGroup)
                .role(fixedRole);
        if (asyncDeadLetters != null) {
            builder.deadLetterQueue(asyncDeadLetters);
        }
        if (reservedConcurrency != null) {
            builder.reservedConcurrentExecutions(reservedConcurrency);
        }
        function = builder.build();
        function.getNode().addDependency(permissions);
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "every version is published (currentVersion) and served through the '" + ALIAS + "' alias");
        Alias.Builder aliasBuilder =
                Alias.Builder.create(this, "Alias").aliasName(ALIAS).version(function.getCurrentVersion());
        if (asyncDeadLetters != null) {
            // asynchronous invocations arrive at the alias, so its invoke config is the one that counts
            aliasBuilder.retryAttempts(ASYNC_RETRY_ATTEMPTS).maxEventAge(Duration.hours(6));
        }
        alias = aliasBuilder.build();
    }

    /** The namespace of this stack's embedded metrics: {@code recipediff/<stack name>}, one per stack and stage. */
    public static String metricsNamespace(Construct scope) {
        return "recipediff/" + Stack.of(scope).getStackName();
    }

    /** The spec's variables plus the stack's metrics namespace (every function writes embedded metrics). */
    private Map<String, String> environment(FunctionSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put(FunctionsEnvironment.METRICS_NAMESPACE, metricsNamespace(this));
        return environment;
    }

    /** Adds one statement to this function's (only) policy. */
    public void allow(PolicyStatement statement) {
        permissions.addStatements(statement);
    }

    /** Allows the listed KMS actions on {@code key}, only when a named AWS service calls KMS on our behalf. */
    public void allowKey(IKey key, List<String> actions, List<String> viaServices) {
        List<String> via = new ArrayList<>();
        for (String service : viaServices) {
            via.add(service + "." + Aws.REGION + ".amazonaws.com");
        }
        allow(PolicyStatement.Builder.create()
                .sid("UseDataKey")
                .actions(actions)
                .resources(List.of(key.getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", via)))
                .build());
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public ManagedPolicy permissions() {
        return permissions;
    }

    public LogGroup logGroup() {
        return logGroup;
    }
}
