package dev.recipediff.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Alarms (dead letters waiting, function errors, API 5xx, age of the oldest job) notifying one
 * KMS-encrypted SNS topic, and the operations dashboard.
 */
public final class Monitoring extends Construct {

    public static final Duration OLDEST_JOB_ALARM_AGE = Duration.minutes(15);
    public static final int API_5XX_ALARM_THRESHOLD = 5;
    public static final int NEAR_TIMEOUT_PERCENT = 80;
    public static final int BATCH_FAILURE_ALARM_PERCENT = 10;

    private final Topic alarmTopic;
    private final List<Alarm> alarms = new ArrayList<>();
    private final Dashboard dashboard;

    public Monitoring(Construct scope, String id, IKey opsKey, String alarmEmail) {
        super(scope, id);
        alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("recipediff alarms")
                .masterKey(opsKey)
                .enforceSsl(true)
                .build();
        if (alarmEmail != null && !alarmEmail.isBlank()) {
            alarmTopic.addSubscription(new EmailSubscription(alarmEmail));
        }
        // no dashboard name: CloudFormation makes a unique one, so several stacks share an account
        dashboard = Dashboard.Builder.create(this, "Dashboard").build();
    }

    /** Alarms as soon as one message waits in {@code deadLetters}. */
    public void alarmOnDeadLetters(String id, IQueue deadLetters) {
        add(
                id,
                deadLetters.metricApproximateNumberOfMessagesVisible(every(Duration.minutes(1), "Maximum")),
                0,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Messages are waiting in a dead-letter queue: see docs/deploy.md, 'Redrive from the DLQ'");
    }

    public void alarmOnOldestJob(IQueue jobs) {
        add(
                "OldestJobAge",
                jobs.metricApproximateAgeOfOldestMessage(every(Duration.minutes(1), "Maximum")),
                OLDEST_JOB_ALARM_AGE.toSeconds(),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "The oldest job has waited " + OLDEST_JOB_ALARM_AGE.toMinutes()
                        + " minutes: is the sender failing or throttled?");
    }

    public Alarm alarmOnErrors(String id, LambdaFunction function) {
        return add(
                id,
                function.function().metricErrors(every(Duration.minutes(5), "Sum")),
                0,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Function " + function.function().getNode().getId() + " reported errors");
    }

    public Alarm alarmOnServerErrors(HttpApi api) {
        return add(
                "Api5xx",
                api.metricServerError(every(Duration.minutes(5), "Sum")),
                API_5XX_ALARM_THRESHOLD,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "The HTTP API answered 5xx");
    }

    /** Alarms when {@code function} is throttled at all (reserved concurrency, account limit). */
    public Alarm alarmOnThrottles(String id, LambdaFunction function) {
        return add(
                id,
                function.function().metricThrottles(every(Duration.minutes(5), "Sum")),
                0,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Function " + function.function().getNode().getId() + " was throttled");
    }

    /** Alarms when an invocation of {@code function} takes {@value #NEAR_TIMEOUT_PERCENT} % of its timeout or more. */
    public Alarm alarmOnDurationNearTimeout(String id, LambdaFunction function, Duration timeout) {
        return add(
                id,
                function.function().metricDuration(every(Duration.minutes(5), "Maximum")),
                timeout.toMilliseconds().doubleValue() * NEAR_TIMEOUT_PERCENT / 100,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "Function " + function.function().getNode().getId() + " ran for " + NEAR_TIMEOUT_PERCENT + " % of its "
                        + timeout.toSeconds() + " s timeout or more");
    }

    /**
     * Alarms when the sender reports {@value #BATCH_FAILURE_ALARM_PERCENT} % or more of its batch items failed
     * (embedded metrics {@code BatchItemFailures} / {@code BatchItems}): a partial batch response never fails
     * the invocation, so the Errors alarm cannot see it.
     */
    public Alarm alarmOnBatchItemFailureRate(String namespace) {
        Map<String, String> sender = Map.of("function", "sender");
        Metric failures = Metric.Builder.create()
                .namespace(namespace)
                .metricName("BatchItemFailures")
                .dimensionsMap(sender)
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
        Metric items = Metric.Builder.create()
                .namespace(namespace)
                .metricName("BatchItems")
                .dimensionsMap(sender)
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
        MathExpression rate = MathExpression.Builder.create()
                .expression("100 * failures / MAX([items, 1])")
                .usingMetrics(Map.of("failures", failures, "items", items))
                .label("sender batch items failed (%)")
                .period(Duration.minutes(5))
                .build();
        return add(
                "SenderBatchItemFailureRate",
                rate,
                BATCH_FAILURE_ALARM_PERCENT,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "The sender failed " + BATCH_FAILURE_ALARM_PERCENT + " % or more of its jobs (they are retried, then "
                        + "dead-lettered): is the API down or refusing the service token?");
    }

    /** Alarms on any read or write throttle of {@code table}. */
    public Alarm alarmOnTableThrottles(ITable table) {
        MathExpression throttles = MathExpression.Builder.create()
                .expression("reads + writes")
                .usingMetrics(Map.of(
                        "reads",
                                Metric.Builder.create()
                                        .namespace("AWS/DynamoDB")
                                        .metricName("ReadThrottleEvents")
                                        .dimensionsMap(Map.of("TableName", table.getTableName()))
                                        .statistic("Sum")
                                        .period(Duration.minutes(5))
                                        .build(),
                        "writes",
                                Metric.Builder.create()
                                        .namespace("AWS/DynamoDB")
                                        .metricName("WriteThrottleEvents")
                                        .dimensionsMap(Map.of("TableName", table.getTableName()))
                                        .statistic("Sum")
                                        .period(Duration.minutes(5))
                                        .build()))
                .label("DynamoDB throttle events")
                .period(Duration.minutes(5))
                .build();
        return add(
                "TableThrottles",
                throttles,
                0,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "DynamoDB throttled requests to the table");
    }

    /** One dashboard row: the named metrics side by side. */
    public void addRow(String title, List<IMetric> left) {
        dashboard.addWidgets(
                GraphWidget.Builder.create().title(title).width(24).left(left).build());
    }

    private Alarm add(String id, IMetric metric, Number threshold, ComparisonOperator operator, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(operator)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        SnsAction notify = new SnsAction(alarmTopic);
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        alarms.add(alarm);
        return alarm;
    }

    private static MetricOptions every(Duration period, String statistic) {
        return MetricOptions.builder().period(period).statistic(statistic).build();
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public String dashboardUrl() {
        return "https://" + Aws.REGION + ".console.aws.amazon.com/cloudwatch/home?region=" + Aws.REGION
                + "#dashboards:name=" + dashboard.getDashboardName();
    }
}
