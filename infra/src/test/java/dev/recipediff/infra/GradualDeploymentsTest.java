package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.ref;
import static dev.recipediff.infra.TemplateQueries.resource;
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

class GradualDeploymentsTest {

    private static final SynthesizedRecipediff SYNTHESIZED = SynthesizedRecipediff.get();
    private final RecipediffStack stack = SYNTHESIZED.stack;
    private final Template template = SYNTHESIZED.template;

    static Stream<Arguments> functions() {
        RecipediffStack stack = SYNTHESIZED.stack;
        return Stream.of(
                Arguments.of("Api", stack.api()),
                Arguments.of("Authorizer", stack.authorizer()),
                Arguments.of("Watcher", stack.watcher()),
                Arguments.of("Sender", stack.sender()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void eachLiveAliasMovesToANewVersionThroughACodeDeployCanary(String name, LambdaFunction function) {
        Map<String, Object> alias = resource(template, logicalId(stack, function.alias()));
        String group = logicalId(stack, stack.deployments().groups().get(name));

        assertThat(alias.get("UpdatePolicy"))
                .isEqualTo(Map.of(
                        "CodeDeployLambdaAliasUpdate",
                        Map.of(
                                "ApplicationName",
                                        ref(stack, stack.deployments().application()),
                                "DeploymentGroupName", Map.of("Ref", group))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void eachCanaryRollsBackWhenTheFunctionsErrorAlarmFires(String name, LambdaFunction function) {
        String errorsAlarm = logicalId(
                stack,
                stack.monitoring().alarms().stream()
                        .filter(alarm -> alarm.getNode().getId().equals(name + "Errors"))
                        .findFirst()
                        .orElseThrow());
        template.hasResourceProperties(
                "AWS::CodeDeploy::DeploymentGroup",
                Map.of(
                        "AlarmConfiguration",
                                Map.of(
                                        "Enabled",
                                        true,
                                        "Alarms",
                                        Match.arrayWith(List.of(Map.of("Name", Map.of("Ref", errorsAlarm))))),
                        "AutoRollbackConfiguration",
                                Map.of(
                                        "Enabled",
                                        true,
                                        "Events",
                                        Match.arrayWith(List.of(
                                                "DEPLOYMENT_FAILURE",
                                                "DEPLOYMENT_STOP_ON_REQUEST",
                                                "DEPLOYMENT_STOP_ON_ALARM")))));
    }

    @Test
    void productionShiftsTenPercentForTenMinutesStagingForFive() {
        template.allResourcesProperties(
                "AWS::CodeDeploy::DeploymentGroup",
                Map.of("DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent10Minutes"));
        SYNTHESIZED.stagingTemplate.allResourcesProperties(
                "AWS::CodeDeploy::DeploymentGroup",
                Map.of("DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes"));
    }

    @Test
    void aCanaryWithoutAlarmIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> stack.deployments().add("Lonely", stack.api(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alarm");
    }
}
