package dev.recipediff.local.cli;

import dev.recipediff.local.chaos.ChaosAccounting;
import dev.recipediff.local.chaos.ChaosRun;
import dev.recipediff.local.serve.ServeOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recipediff chaos --files N}: a one-machine pipeline run under faults, with exact accounting. */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = "Starts serve in this process (fresh data directory), uploads N recipe and make files in random "
                + "order (10 % invalid, 5 % re-uploaded, makes before their recipes) while the API answers 503 for a "
                + "window, the SQS pollers are killed and restarted, dynalite is killed, serve is stopped gracefully "
                + "and restarted and 5 % of the S3 notifications are dropped; then redrives the DLQ, reconciles and "
                + "accounts for every file: exit 0 when none is lost or duplicated and every fault happened.")
public final class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--files", paramLabel = "N", defaultValue = "1000", description = "files to upload (default: 1000)")
    int files;

    @Option(names = "--seed", defaultValue = "42", description = "random seed of the plan (default: 42)")
    long seed;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "an empty directory for the run's serve (default: a new temporary directory)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path directory = dataDir != null ? dataDir : Files.createTempDirectory("recipediff-chaos-");
        ChaosAccounting accounting =
                new ChaosRun(ServeOptions.of(directory, 0, "chaos", Optional.empty()), seed, out).run(files);
        out.print(accounting.table());
        out.flush();
        return accounting.clean() ? 0 : 1;
    }
}
