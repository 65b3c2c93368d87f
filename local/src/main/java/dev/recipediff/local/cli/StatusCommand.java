package dev.recipediff.local.cli;

import dev.recipediff.local.serve.Endpoints;
import dev.recipediff.local.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code recipediff status}: queue and DLQ depth, and the files per kitchen. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the running serve's jobs queue and dead-letter queue depth and, per kitchen, how many "
                + "recipe files, make files and rejection reports the bucket holds.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Override
    public Integer call() {
        try {
            Endpoints endpoints = Endpoints.ofRunningServe(dataDir.directory());
            spec.commandLine().getOut().print("api " + endpoints.api() + "\n" + StatusReport.of(endpoints).render());
            return 0;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("recipediff status: " + e.getMessage());
            return 1;
        }
    }
}
