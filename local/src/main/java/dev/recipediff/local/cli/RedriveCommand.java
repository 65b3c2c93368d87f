package dev.recipediff.local.cli;

import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.local.serve.Endpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code recipediff redrive}: moves the DLQ's jobs back to the jobs queue. */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Moves every message of the dead-letter queue back to the jobs queue (after you fixed "
                + "what made them fail).")
public final class RedriveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Override
    public Integer call() {
        try {
            Endpoints endpoints = Endpoints.ofRunningServe(dataDir.directory());
            int moved = new SqsRedriver(endpoints.functionsConfig(Optional.empty()), endpoints.deadLetterQueueUrl())
                    .redrive();
            spec.commandLine().getOut().printf("%d message(s) moved back to the jobs queue%n", moved);
            return 0;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("recipediff redrive: " + e.getMessage());
            return 1;
        }
    }
}
