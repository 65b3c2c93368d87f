package dev.recipediff.local.cli;

import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.local.deployment.Deployment;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code recipediff redrive}: moves the DLQ's jobs back to the jobs queue. */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        description = "Moves every message of the dead-letter queue back to the jobs queue (after you fixed "
                + "what made them fail).")
public final class RedriveCommand extends DeploymentCommand {

    @Override
    int run(Deployment deployment, PrintWriter out) {
        deployment.requireJobsQueueUrl();
        int moved = new SqsRedriver(deployment.functionsConfig(), deployment.requireDeadLetterQueueUrl()).redrive();
        out.printf("%d message(s) moved back to the jobs queue%n", moved);
        return 0;
    }
}
