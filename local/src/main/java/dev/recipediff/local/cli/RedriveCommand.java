package dev.recipediff.local.cli;

import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.local.deployment.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code recipediff redrive}: moves the DLQ's jobs back to the jobs queue. */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        description = "Moves every message of the dead-letter queue back to the jobs queue (after you fixed "
                + "what made them fail).")
public final class RedriveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        try {
            Deployment deployment = target.deployment();
            deployment.requireJobsQueueUrl();
            int moved = new SqsRedriver(deployment.functionsConfig(), deployment.requireDeadLetterQueueUrl()).redrive();
            spec.commandLine().getOut().printf("%d message(s) moved back to the jobs queue%n", moved);
            return 0;
        } catch (IllegalStateException | SdkException e) {
            spec.commandLine().getErr().println("recipediff redrive: " + e.getMessage());
            return 1;
        }
    }
}
