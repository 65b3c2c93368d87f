package dev.recipediff.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app ({@code npx cdk synth} in infra/ runs it): one stack per {@link DeploymentStage},
 * {@code Recipediff-staging} and {@code Recipediff-production}. Context: {@code lambdaJars} (or one jar per
 * function, see {@link FunctionJars}) and optionally {@code alarmEmail}. cdk-nag's AWS Solutions and HIPAA
 * Security packs run on every synthesis: an unsuppressed finding is an error and stops the synthesis.
 */
public final class RecipediffApp {

    public static final String STACK_NAME_PREFIX = "Recipediff-";
    public static final List<DeploymentStage> STAGES = List.of(DeploymentStage.STAGING, DeploymentStage.PRODUCTION);
    public static final String ALARM_EMAIL_KEY = "alarmEmail";

    private RecipediffApp() {}

    public static void main(String[] args) {
        App app = new App();
        FunctionJars jars = FunctionJars.fromContext(key -> app.getNode().tryGetContext(key));
        Object alarmEmail = app.getNode().tryGetContext(ALARM_EMAIL_KEY);
        define(app, jars, alarmEmail == null ? null : alarmEmail.toString());
        app.synth();
    }

    /** Adds one recipediff stack per stage and the compliance checks to {@code app}; returns the stacks in order. */
    public static List<RecipediffStack> define(App app, FunctionJars jars, String alarmEmail) {
        List<RecipediffStack> stacks = STAGES.stream()
                .map(stage -> define(app, stage, jars, alarmEmail))
                .toList();
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        Aspects.of(app)
                .add(new HIPAASecurityChecks(
                        NagPackProps.builder().verbose(true).build()));
        return stacks;
    }

    private static RecipediffStack define(App app, DeploymentStage stage, FunctionJars jars, String alarmEmail) {
        RecipediffStack stack = new RecipediffStack(
                app,
                stage.stackName(),
                StackProps.builder()
                        .stackName(stage.stackName())
                        .description(
                                "recipediff (" + stage.name() + "): what did people change each time a recipe was made")
                        .terminationProtection(stage.terminationProtection())
                        .build(),
                stage,
                jars,
                alarmEmail);
        Tags.of(stack).add("application", "recipediff");
        Tags.of(stack).add("stage", stage.name());
        return stack;
    }
}
