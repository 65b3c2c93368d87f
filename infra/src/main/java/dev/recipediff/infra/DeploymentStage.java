package dev.recipediff.infra;

import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;

/**
 * The two stages a team runs: {@link #STAGING} takes every change first, {@link #PRODUCTION} only what staging
 * survived (CI deploys them in that order, production behind a manual approval). Both are the same stack; they
 * differ only in what is listed here, and neither names a physical resource, so both (and any more copies) can
 * live side by side in one account and region.
 *
 * @param name                 the stage's name: the {@code stage} tag and the stack name's suffix
 * @param deployment           how CodeDeploy shifts each function's {@code live} alias to a new version
 * @param terminationProtection whether CloudFormation refuses to delete the stack
 */
public record DeploymentStage(String name, ILambdaDeploymentConfig deployment, boolean terminationProtection) {

    public static final DeploymentStage STAGING =
            new DeploymentStage("staging", LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, false);
    public static final DeploymentStage PRODUCTION =
            new DeploymentStage("production", LambdaDeploymentConfig.CANARY_10_PERCENT_10_MINUTES, true);

    /** {@code Recipediff-staging}, {@code Recipediff-production}. */
    public String stackName() {
        return RecipediffApp.STACK_NAME_PREFIX + name;
    }
}
