package dev.recipediff.local.cli;

import dev.recipediff.functions.operations.PipelineRepairs;
import dev.recipediff.local.deployment.Deployment;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recipediff reconcile}: re-enqueues files that reached no terminal state (lost notifications). */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = "Lists the bucket's recipe and make files that are in no terminal state (stored, rejected or "
                + "in the DLQ) and enqueues them again — S3 notifications are at-least-once and can be missed.")
public final class ReconcileCommand extends DeploymentCommand {

    @Option(
            names = "--older-than",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "leave files younger than this alone, their notification may be in flight (default: 60)")
    long olderThanSeconds;

    @Override
    int run(Deployment deployment, PrintWriter out) {
        deployment.requireJobsQueueUrl();
        deployment.requireBucket();
        deployment.requireTable();
        var result = PipelineRepairs.reconciler(deployment.functionsConfig(), deployment.requireDeadLetterQueueUrl())
                .reconcile(Duration.ofSeconds(olderThanSeconds));
        out.printf(
                "%d file(s) checked, %d in a terminal state, %d enqueued again, %d rejected%n",
                result.files(), result.terminal(), result.requeued(), result.reported());
        return 0;
    }
}
