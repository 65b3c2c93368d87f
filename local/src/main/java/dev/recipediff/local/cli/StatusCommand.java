package dev.recipediff.local.cli;

import dev.recipediff.local.deployment.Deployment;
import dev.recipediff.local.status.StatusReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code recipediff status}: queue and DLQ depth, and the files per kitchen. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the jobs queue and dead-letter queue depth and, per kitchen, how many recipe files, make "
                + "files and rejection reports the bucket holds — of a deployed stack (--stack) or the running serve.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        try {
            Deployment deployment = target.deployment();
            spec.commandLine()
                    .getOut()
                    .print(deployment.api().map(api -> "api " + api + "\n").orElse("")
                            + StatusReport.of(deployment).render());
            return 0;
        } catch (IllegalStateException | SdkException e) {
            spec.commandLine().getErr().println("recipediff status: " + e.getMessage());
            return 1;
        }
    }
}
