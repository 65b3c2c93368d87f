package dev.recipediff.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.constructs.Construct;

/**
 * Every deploy moves each function's {@code live} alias to the new version through CodeDeploy: a canary share
 * of the traffic first ({@link DeploymentStage#deployment()}), then all of it — and back to the previous
 * version at once when one of the function's alarms fires during the shift (or the deployment fails or is
 * stopped). One CodeDeploy application, one deployment group per function.
 */
public final class GradualDeployments extends Construct {

    private final LambdaApplication application;
    private final ILambdaDeploymentConfig config;
    private final Map<String, LambdaDeploymentGroup> groups = new LinkedHashMap<>();

    public GradualDeployments(Construct scope, String id, ILambdaDeploymentConfig config) {
        super(scope, id);
        this.application = LambdaApplication.Builder.create(this, "Application").build();
        this.config = config;
    }

    /** Shifts {@code function}'s alias gradually, rolling back on any of {@code alarms}. */
    public LambdaDeploymentGroup add(String id, LambdaFunction function, List<? extends IAlarm> alarms) {
        if (alarms.isEmpty()) {
            throw new IllegalArgumentException("a canary without an alarm cannot roll back: give " + id + " an alarm");
        }
        LambdaDeploymentGroup group = LambdaDeploymentGroup.Builder.create(this, id)
                .application(application)
                .alias(function.alias())
                .deploymentConfig(config)
                .alarms(new ArrayList<>(alarms))
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(true)
                        .build())
                .build();
        groups.put(id, group);
        return group;
    }

    public LambdaApplication application() {
        return application;
    }

    public Map<String, LambdaDeploymentGroup> groups() {
        return Map.copyOf(groups);
    }
}
