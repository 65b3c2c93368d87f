package dev.recipediff.local.cli;

import dev.recipediff.local.deployment.Deployment;
import dev.recipediff.local.status.StatusReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code recipediff status}: queue and DLQ depth, and the files per kitchen. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the jobs queue and dead-letter queue depth and, per kitchen, how many recipe files, make "
                + "files and rejection reports the bucket holds — of a deployed stack (--stack) or the running serve.")
public final class StatusCommand extends DeploymentCommand {

    @Override
    int run(Deployment deployment, PrintWriter out) {
        out.print(deployment.api().map(api -> "api " + api + "\n").orElse("")
                + StatusReport.of(deployment).render());
        return 0;
    }
}
