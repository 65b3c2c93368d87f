package dev.recipediff.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app ({@code npx cdk synth} in infra/ runs it). Context: {@code functionsJar} (or one jar per
 * function, see {@link FunctionJars}) and optionally {@code alarmEmail}. cdk-nag's AWS Solutions and HIPAA
 * Security packs run on every synthesis: an unsuppressed finding is an error and stops the synthesis.
 */
public final class RecipediffApp {

    public static final String STACK_NAME = "Recipediff";
    public static final String ALARM_EMAIL_KEY = "alarmEmail";

    private RecipediffApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        FunctionJars jars = FunctionJars.fromContext(key -> app.getNode().tryGetContext(key));
        Object alarmEmail = app.getNode().tryGetContext(ALARM_EMAIL_KEY);
        define(app, jars, alarmEmail == null ? null : alarmEmail.toString());
        app.synth();
    }

    /** Adds the recipediff stack and the compliance checks to {@code app}. */
    public static RecipediffStack define(App app, FunctionJars jars, String alarmEmail) {
        RecipediffStack stack = new RecipediffStack(app, STACK_NAME, StackProps.builder()
                .description("recipediff: what did people change each time a recipe was made")
                .build(), jars, alarmEmail);
        Tags.of(stack).add("application", "recipediff");
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        Aspects.of(app).add(new HIPAASecurityChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
