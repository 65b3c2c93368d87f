package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.arnOf;
import static dev.recipediff.infra.TemplateQueries.asList;
import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.properties;
import static dev.recipediff.infra.TemplateQueries.ref;
import static dev.recipediff.infra.TemplateQueries.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FunctionsTest {

    private static final SynthesizedRecipediff SYNTHESIZED = SynthesizedRecipediff.get();
    private final RecipediffStack stack = SYNTHESIZED.stack;
    private final Template template = SYNTHESIZED.template;

    static Stream<Arguments> functionsAndHandlers() {
        RecipediffStack stack = SYNTHESIZED.stack;
        return Stream.of(
                Arguments.of("api", stack.api(), "dev.recipediff.functions.lambda.ApiHandler::handleRequest"),
                Arguments.of(
                        "authorizer",
                        stack.authorizer(),
                        "dev.recipediff.functions.lambda.AuthorizerHandler::handleRequest"),
                Arguments.of(
                        "watcher", stack.watcher(), "dev.recipediff.functions.lambda.WatcherHandler::handleRequest"),
                Arguments.of("sender", stack.sender(), "dev.recipediff.functions.lambda.SenderHandler::handleRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void eachFunctionRunsItsHandlerOnJava25Arm64WithSnapStart(String name, LambdaFunction function, String handler) {
        assertThat(properties(template, logicalId(stack, function.function())))
                .containsAllEntriesOf(Map.of(
                        "Handler",
                        handler,
                        "Runtime",
                        "java25",
                        "Architectures",
                        List.of("arm64"),
                        "SnapStart",
                        Map.of("ApplyOn", "PublishedVersions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void eachFunctionLogsJsonToItsOwnEncryptedLogGroupWithRetention(
            String name, LambdaFunction function, String handler) {
        Map<String, Object> logging = properties(template, logicalId(stack, function.function()));
        assertThat(logging.get("LoggingConfig"))
                .isEqualTo(Map.of(
                        "LogFormat",
                        "JSON",
                        "ApplicationLogLevel",
                        "INFO",
                        "SystemLogLevel",
                        "WARN",
                        "LogGroup",
                        ref(stack, function.logGroup())));
        assertThat(properties(template, logicalId(stack, function.logGroup())))
                .containsAllEntriesOf(Map.of(
                        "RetentionInDays",
                        365,
                        "KmsKeyId",
                        arnOf(stack, stack.keys().ops())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void eachFunctionIsServedThroughTheLiveAliasOfAPublishedVersion(
            String name, LambdaFunction function, String handler) {
        Map<String, Object> fn = ref(stack, function.function());
        template.hasResourceProperties("AWS::Lambda::Version", Map.of("FunctionName", fn));
        template.hasResourceProperties(
                "AWS::Lambda::Alias",
                Map.of(
                        "Name",
                        "live",
                        "FunctionName",
                        fn,
                        "FunctionVersion",
                        Map.of(
                                "Fn::GetAtt",
                                List.of(
                                        Match.stringLikeRegexp(
                                                function.getNode().getId() + "FunctionCurrentVersion.*"),
                                        "Version"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void eachRoleHasOnlyItsOwnCustomerManagedPolicy(String name, LambdaFunction function, String handler) {
        String role = logicalId(stack, function.function().getRole());
        Map<String, Object> roleProperties = properties(template, role);
        assertThat(roleProperties).doesNotContainKeys("ManagedPolicyArns", "Policies");
        template.resourcePropertiesCountIs(
                "AWS::IAM::Policy", Map.of("Roles", Match.arrayWith(List.of(Map.of("Ref", role)))), 0);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("Roles", List.of(Map.of("Ref", role))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void noPermissionUsesAWildcardResourceOrAction(String name, LambdaFunction function, String handler) {
        for (Map<String, Object> statement : statements(template, stack, function)) {
            if ("WriteTraces".equals(statement.get("Sid"))) {
                continue; // X-Ray's write actions have no resource-level permissions (see the next test)
            }
            assertThat(asList(statement.get("Resource")))
                    .as(statement.toString())
                    .doesNotContain("*");
            assertThat(asList(statement.get("Action"))).as(statement.toString()).noneMatch(a -> a.contains("*"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void eachFunctionIsActivelyTracedAndMayWriteOnlyTraces(String name, LambdaFunction function, String handler) {
        assertThat(properties(template, logicalId(stack, function.function())).get("TracingConfig"))
                .isEqualTo(Map.of("Mode", "Active"));
        List<Map<String, Object>> wildcards = statements(template, stack, function).stream()
                .filter(statement -> asList(statement.get("Resource")).contains("*"))
                .toList();
        assertThat(wildcards).singleElement().satisfies(statement -> assertThat(asList(statement.get("Action")))
                .containsExactlyInAnyOrder("xray:PutTraceSegments", "xray:PutTelemetryRecords"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsAndHandlers")
    void theDataKeyIsUsableOnlyThroughNamedAwsServices(String name, LambdaFunction function, String handler) {
        Map<String, Object> dataKey = arnOf(stack, stack.keys().data());
        List<Map<String, Object>> keyStatements = statements(template, stack, function).stream()
                .filter(s -> resources(s).contains(dataKey))
                .toList();
        assertThat(keyStatements).hasSize(1);
        assertThat(keyStatements.getFirst().get("Condition")).asString().contains("kms:ViaService");
    }

    @Test
    void onlyS3OfThisAccountMayInvokeTheWatcherAlias() {
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of(
                        "Action", "lambda:InvokeFunction",
                        "FunctionName", ref(stack, stack.watcher().alias()),
                        "Principal", "s3.amazonaws.com",
                        "SourceAccount", Map.of("Ref", "AWS::AccountId"),
                        "SourceArn", arnOf(stack, stack.files().files())));
    }

    @Test
    void theApiMayNeverUpdateOrDeleteAnAuditEntry() {
        Map<String, Object> deny = statements(template, stack, stack.api()).stream()
                .filter(s -> "AuditTrailIsAppendOnly".equals(s.get("Sid")))
                .findFirst()
                .orElseThrow();

        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(asList(deny.get("Action")))
                .contains("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        assertThat(deny.get("Condition").toString())
                .contains("dynamodb:LeadingKeys")
                .contains("K#*#AUDIT");
    }

    @Test
    void onlyTheSenderReadsTheServiceTokenSecret() {
        Map<String, Object> secret = ref(stack, stack.serviceToken());
        for (LambdaFunction function : List.of(stack.api(), stack.authorizer(), stack.watcher(), stack.sender())) {
            boolean reads = statements(template, stack, function).stream()
                    .anyMatch(s -> resources(s).contains(secret));
            assertThat(reads).as(function.getNode().getId()).isEqualTo(function == stack.sender());
        }
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of("KmsKeyId", arnOf(stack, stack.keys().data())));
    }

    @Test
    void theSenderHasReservedConcurrencyAndConsumesJobsThroughItsAlias() {
        assertThat(properties(template, logicalId(stack, stack.sender().function()))
                        .get("ReservedConcurrentExecutions"))
                .isEqualTo(RecipediffStack.SENDER_CONCURRENCY);
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "FunctionName",
                                Map.of(
                                        "Fn::Join",
                                        List.of(
                                                "",
                                                List.of(
                                                        Map.of(
                                                                "Fn::Select",
                                                                List.of(
                                                                        6,
                                                                        Map.of(
                                                                                "Fn::Split",
                                                                                List.of(
                                                                                        ":",
                                                                                        ref(
                                                                                                stack,
                                                                                                stack.sender()
                                                                                                        .alias()))))),
                                                        ":live"))),
                        "EventSourceArn", arnOf(stack, stack.queues().jobs()),
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                        "ScalingConfig", Map.of("MaximumConcurrency", RecipediffStack.SENDER_CONCURRENCY)));
    }

    @Test
    void theWatcherKeepsFailedS3EventsInItsDeadLetterQueue() {
        assertThat(properties(template, logicalId(stack, stack.watcher().function()))
                        .get("DeadLetterConfig"))
                .isEqualTo(Map.of("TargetArn", arnOf(stack, stack.queues().watcherDeadLetters())));
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "FunctionName", ref(stack, stack.watcher().function()),
                        "Qualifier",
                                Map.of(
                                        "Fn::Select",
                                        List.of(
                                                7,
                                                Map.of(
                                                        "Fn::Split",
                                                        List.of(
                                                                ":",
                                                                ref(
                                                                        stack,
                                                                        stack.watcher()
                                                                                .alias()))))),
                        "MaximumRetryAttempts", 2));
    }

    @Test
    void functionsGetTheConfigurationTheirHandlersRead() {
        assertThat(environment(stack.api()))
                .containsOnlyKeys("TABLE_NAME", "BUCKET_NAME", "JOBS_QUEUE_URL", "METRICS_NAMESPACE");
        assertThat(environment(stack.authorizer())).containsOnlyKeys("TABLE_NAME", "METRICS_NAMESPACE");
        assertThat(environment(stack.watcher())).containsOnlyKeys("BUCKET_NAME", "JOBS_QUEUE_URL", "METRICS_NAMESPACE");
        assertThat(environment(stack.sender()))
                .containsOnlyKeys("BUCKET_NAME", "API_BASE_URL", "SERVICE_TOKEN_SECRET_ARN", "METRICS_NAMESPACE");
        assertThat(environment(stack.api()).get("METRICS_NAMESPACE")).isEqualTo("recipediff/" + stack.getStackName());
        assertThat(environment(stack.sender()).get("SERVICE_TOKEN_SECRET_ARN"))
                .isEqualTo(ref(stack, stack.serviceToken()));
    }

    private static List<?> resources(Map<String, Object> statement) {
        return statement.get("Resource") instanceof List<?> list ? list : List.of(statement.get("Resource"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(LambdaFunction function) {
        Map<String, Object> environment = (Map<String, Object>)
                properties(template, logicalId(stack, function.function())).get("Environment");
        return (Map<String, Object>) environment.get("Variables");
    }
}
