package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.arnOf;
import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.properties;
import static dev.recipediff.infra.TemplateQueries.ref;
import static dev.recipediff.infra.TemplateQueries.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.functions.pipeline.WatcherNotifications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FilesBucketTest {

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();
    private final RecipediffStack stack = synthesized.stack;
    private final Template template = synthesized.template;
    private final String files = logicalId(stack, stack.files().files());

    @Test
    void filesAreEncryptedWithTheCustomerManagedDataKey() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "BucketEncryption",
                        Map.of(
                                "ServerSideEncryptionConfiguration",
                                List.of(Map.of(
                                        "BucketKeyEnabled",
                                        true,
                                        "ServerSideEncryptionByDefault",
                                        Map.of(
                                                "SSEAlgorithm",
                                                "aws:kms",
                                                "KMSMasterKeyID",
                                                arnOf(stack, stack.keys().data())))))));
    }

    @Test
    void everyKeyRotatesAutomatically() {
        template.resourceCountIs("AWS::KMS::Key", 2);
        template.allResourcesProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @Test
    void bothBucketsBlockAllPublicAccessAndAreVersioned() {
        template.resourceCountIs("AWS::S3::Bucket", 2);
        template.allResourcesProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "PublicAccessBlockConfiguration",
                                Map.of(
                                        "BlockPublicAcls",
                                        true,
                                        "BlockPublicPolicy",
                                        true,
                                        "IgnorePublicAcls",
                                        true,
                                        "RestrictPublicBuckets",
                                        true),
                        "VersioningConfiguration", Map.of("Status", "Enabled")));
    }

    @Test
    void bothBucketsRefuseRequestsWithoutTls() {
        for (String bucket : List.of(files, logicalId(stack, stack.files().accessLogs()))) {
            template.hasResourceProperties(
                    "AWS::S3::BucketPolicy",
                    Map.of(
                            "Bucket", Map.of("Ref", bucket),
                            "PolicyDocument",
                                    Map.of(
                                            "Statement",
                                            Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                    "Effect",
                                                    "Deny",
                                                    "Condition",
                                                    Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        }
    }

    @Test
    void serverAccessLogsGoToTheLogBucket() {
        assertThat(properties(template, files).get("LoggingConfiguration"))
                .isEqualTo(Map.of(
                        "DestinationBucketName", ref(stack, stack.files().accessLogs()), "LogFilePrefix", "files/"));
    }

    @Test
    void rejectionReportsAndNoncurrentVersionsExpire() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "LoggingConfiguration", Match.anyValue(),
                        "LifecycleConfiguration",
                                Map.of(
                                        "Rules",
                                        Match.arrayWith(List.of(
                                                Match.objectLike(Map.of(
                                                        "TagFilters",
                                                        List.of(
                                                                Map.of(
                                                                        "Key",
                                                                        FilesBucket.REJECTION_REPORT_TAG,
                                                                        "Value",
                                                                        FilesBucket.REJECTION_REPORT_TAG_VALUE)),
                                                        "ExpirationInDays",
                                                        90,
                                                        "Status",
                                                        "Enabled")),
                                                Match.objectLike(Map.of(
                                                        "NoncurrentVersionExpiration",
                                                        Map.of("NoncurrentDays", 90),
                                                        "Status",
                                                        "Enabled")))))));
    }

    @Test
    void everyCreatedObjectNotifiesTheWatcherAliasWithoutAKeyFilter() {
        Map<String, Object> watcherAlias = ref(stack, stack.watcher().alias());
        template.hasResourceProperties(
                "Custom::S3BucketNotifications",
                Map.of(
                        "BucketName", Map.of("Ref", files),
                        "NotificationConfiguration",
                                Map.of(
                                        "LambdaFunctionConfigurations",
                                        List.of(Map.of(
                                                "Events",
                                                List.of("s3:ObjectCreated:*"),
                                                "LambdaFunctionArn",
                                                watcherAlias)))));
    }

    @Test
    void theBucketNotifiesExactlyByTheRulesServeApplies() {
        List<Map<String, Object>> expected = WatcherNotifications.RULES.stream()
                .map(rule -> notification(ref(stack, stack.watcher().alias()), rule))
                .toList();
        template.hasResourceProperties(
                "Custom::S3BucketNotifications",
                Map.of("NotificationConfiguration", Map.of("LambdaFunctionConfigurations", expected)));
    }

    @Test
    void theBucketAndItsLogsSurviveStackDeletion() {
        assertThat(resource(template, files).get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(resource(template, logicalId(stack, stack.files().accessLogs()))
                        .get("DeletionPolicy"))
                .isEqualTo("Retain");
    }

    /** How S3 (and CDK) write one rule: no {@code Filter} at all when it has neither prefix nor suffix. */
    private static Map<String, Object> notification(Map<String, Object> target, WatcherNotifications.Rule rule) {
        List<Map<String, Object>> filterRules = new java.util.ArrayList<>();
        if (!rule.prefix().isEmpty()) {
            filterRules.add(Map.of("Name", "prefix", "Value", rule.prefix()));
        }
        if (!rule.suffix().isEmpty()) {
            filterRules.add(Map.of("Name", "suffix", "Value", rule.suffix()));
        }
        return filterRules.isEmpty()
                ? Map.of("Events", List.of(rule.event()), "LambdaFunctionArn", target)
                : Map.of(
                        "Events",
                        List.of(rule.event()),
                        "Filter",
                        Map.of("Key", Map.of("FilterRules", filterRules)),
                        "LambdaFunctionArn",
                        target);
    }
}
