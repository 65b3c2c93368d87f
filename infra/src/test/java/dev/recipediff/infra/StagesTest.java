package dev.recipediff.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StagesTest {

    /** Every property that names a physical resource, per resource type of the stack. */
    private static final Map<String, String> PHYSICAL_NAMES = Map.ofEntries(
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::CloudWatch::Dashboard", "DashboardName"),
            Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::KMS::Alias", "AliasName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::SecretsManager::Secret", "Name"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
            Map.entry("AWS::CodeDeploy::Application", "ApplicationName"),
            Map.entry("AWS::CodeDeploy::DeploymentGroup", "DeploymentGroupName"));

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();

    @Test
    void stagingAndProductionAreTwoStacksOfOneApp() {
        assertThat(synthesized.staging.getStackName()).isEqualTo("Recipediff-staging");
        assertThat(synthesized.stack.getStackName()).isEqualTo("Recipediff-production");
        assertThat(synthesized.staging.stage()).isEqualTo(DeploymentStage.STAGING);
        assertThat(synthesized.stack.stage()).isEqualTo(DeploymentStage.PRODUCTION);
    }

    @Test
    void twoStacksInOneAccountAndRegionNameNoPhysicalResourceAlike() {
        List<String> staging = literalPhysicalNames(synthesized.stagingTemplate);
        List<String> production = literalPhysicalNames(synthesized.template);

        assertThat(production).doesNotContainAnyElementsOf(staging);
    }

    @Test
    void functionsAndTheDashboardGetNamesFromCloudFormation() {
        for (Template template : List.of(synthesized.template, synthesized.stagingTemplate)) {
            template.allResourcesProperties("AWS::Lambda::Function", Map.of("FunctionName", Match.absent()));
            template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", Match.absent()));
            template.allResourcesProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", Match.absent()));
        }
    }

    @Test
    void onlyProductionIsProtectedFromDeletion() {
        assertThat(synthesized.stack.getTerminationProtection()).isTrue();
        assertThat(synthesized.staging.getTerminationProtection()).isFalse();
    }

    @Test
    void theStagingStackPassesTheComplianceChecksToo() {
        assertThat(synthesized.stagingAnnotations.findError("*", Match.anyValue()))
                .isEmpty();
    }

    @Test
    void everyStackIsTaggedWithItsStage() {
        synthesized.stagingTemplate.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "stage", "Value", "staging")))));
        synthesized.template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "stage", "Value", "production")))));
    }

    /** The physical names written as plain strings (a name computed by CloudFormation differs per stack anyway). */
    @SuppressWarnings("unchecked")
    private static List<String> literalPhysicalNames(Template template) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        List<String> names = new ArrayList<>();
        resources.values().forEach(value -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            String property = PHYSICAL_NAMES.get((String) resource.get("Type"));
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            if (property != null && properties != null && properties.get(property) instanceof String name) {
                names.add(resource.get("Type") + " " + name);
            }
        });
        return names;
    }
}
