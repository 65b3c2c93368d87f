package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MonitoringTest {

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();
    private final RecipediffStack stack = synthesized.stack;
    private final Template template = synthesized.template;

    @Test
    void aDeadLetterQueueWithOneMessageAlarms() {
        for (var queue :
                List.of(stack.queues().jobsDeadLetters(), stack.queues().watcherDeadLetters())) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "Namespace", "AWS/SQS",
                            "MetricName", "ApproximateNumberOfMessagesVisible",
                            "Dimensions",
                                    List.of(Map.of(
                                            "Name",
                                            "QueueName",
                                            "Value",
                                            Map.of("Fn::GetAtt", List.of(logicalId(stack, queue), "QueueName")))),
                            "Threshold", 0,
                            "ComparisonOperator", "GreaterThanThreshold"));
        }
    }

    @Test
    void everyFunctionAlarmsOnErrors() {
        for (LambdaFunction function : List.of(stack.api(), stack.authorizer(), stack.watcher(), stack.sender())) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "Namespace", "AWS/Lambda",
                            "MetricName", "Errors",
                            "Dimensions",
                                    List.of(Map.of(
                                            "Name",
                                            "FunctionName",
                                            "Value",
                                            Map.of("Ref", logicalId(stack, function.function()))))));
        }
    }

    @Test
    void everyFunctionAlarmsOnThrottlesAndOnADurationNearItsTimeout() {
        Map<LambdaFunction, software.amazon.awscdk.Duration> timeouts = Map.of(
                stack.api(),
                RecipediffStack.API_TIMEOUT,
                stack.authorizer(),
                RecipediffStack.AUTHORIZER_TIMEOUT,
                stack.watcher(),
                RecipediffStack.WATCHER_TIMEOUT,
                stack.sender(),
                RecipediffStack.SENDER_TIMEOUT);
        timeouts.forEach((function, timeout) -> {
            var dimensions = List.of(
                    Map.of("Name", "FunctionName", "Value", Map.of("Ref", logicalId(stack, function.function()))));
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "Namespace",
                            "AWS/Lambda",
                            "MetricName",
                            "Throttles",
                            "Dimensions",
                            dimensions,
                            "Threshold",
                            0));
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "Namespace",
                            "AWS/Lambda",
                            "MetricName",
                            "Duration",
                            "Dimensions",
                            dimensions,
                            "Statistic",
                            "Maximum",
                            "Threshold",
                            timeout.toMilliseconds().doubleValue() * Monitoring.NEAR_TIMEOUT_PERCENT / 100));
        });
    }

    @Test
    void theSendersBatchItemFailureRateAlarmsFromItsEmbeddedMetrics() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Threshold",
                        Monitoring.BATCH_FAILURE_ALARM_PERCENT,
                        "Metrics",
                        Match.arrayWith(List.of(
                                Match.objectLike(Map.of("Expression", "100 * failures / MAX([items, 1])")),
                                Match.objectLike(Map.of(
                                        "Id",
                                        "failures",
                                        "MetricStat",
                                        Match.objectLike(Map.of(
                                                "Metric",
                                                Map.of(
                                                        "Namespace",
                                                        "recipediff/" + stack.getStackName(),
                                                        "MetricName",
                                                        "BatchItemFailures",
                                                        "Dimensions",
                                                        List.of(Map.of("Name", "function", "Value", "sender")))))))))));
    }

    @Test
    void tableThrottlesAlarm() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Threshold",
                        0,
                        "Metrics",
                        Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "reads + writes"))))));
    }

    @Test
    void apiServerErrorsAlarm() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Namespace", "AWS/ApiGateway",
                        "MetricName", "5xx",
                        "Dimensions",
                                List.of(Map.of(
                                        "Name",
                                        "ApiId",
                                        "Value",
                                        Map.of(
                                                "Ref",
                                                logicalId(
                                                        stack, stack.frontDoor().api()))))));
    }

    @Test
    void anOldJobAlarms() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Namespace",
                        "AWS/SQS",
                        "MetricName",
                        "ApproximateAgeOfOldestMessage",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(logicalId(stack, stack.queues().jobs()), "QueueName")))),
                        "Threshold",
                        Monitoring.OLDEST_JOB_ALARM_AGE.toSeconds()));
    }

    @Test
    void everyAlarmNotifiesTheEncryptedAlarmTopic() {
        Map<String, Object> topic =
                Map.of("Ref", logicalId(stack, stack.monitoring().alarmTopic()));
        // 8 + 4 throttles + 4 near-timeout + sender batch failure rate + table throttles
        template.resourceCountIs("AWS::CloudWatch::Alarm", 18);
        template.allResourcesProperties(
                "AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(topic), "OKActions", List.of(topic)));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.hasResourceProperties(
                "AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", SynthesizedRecipediff.ALARM_EMAIL));
    }

    @Test
    void theDashboardExistsUnderANameCloudFormationChooses() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.allResourcesProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", Match.absent()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackOutputsTheApiUrlBucketNameAndDashboardUrl() {
        template.hasOutput("ApiUrl", Map.of("Value", Match.anyValue()));
        template.hasOutput(
                "BucketName",
                Map.of("Value", Map.of("Ref", logicalId(stack, stack.files().files()))));
        Map<String, Object> dashboardUrl =
                (Map<String, Object>) ((Map<String, Object>) template.toJSON().get("Outputs")).get("DashboardUrl");
        assertThat(dashboardUrl.get("Value").toString())
                .contains("#dashboards:name=")
                .contains("Ref=" + logicalId(stack, stack.monitoring().dashboard()));
        assertThat(stack.monitoring().dashboardUrl()).contains("cloudwatch/home");
    }
}
