package dev.recipediff.local.cli;

import dev.recipediff.local.deployment.Deployment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An operational command that works on the deployment named by {@link TargetOptions} ({@code status},
 * {@code redrive}, {@code reconcile}): a deployment that cannot be found or an AWS call that fails is one line
 * {@code recipediff NAME: why} on stderr and exit 1.
 */
abstract class DeploymentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Override
    public final Integer call() {
        try {
            return run(target.deployment(), spec.commandLine().getOut());
        } catch (IllegalStateException | SdkException e) {
            spec.commandLine().getErr().println("recipediff " + spec.name() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Does the command's work on {@code deployment}, printing to {@code out}; returns the exit code. */
    abstract int run(Deployment deployment, PrintWriter out);
}
