package dev.recipediff.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.local.serve.DataDirectory;
import dev.recipediff.local.serve.ServeLogFile;
import dev.recipediff.local.trace.Journey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recipediff trace KEY|RECIPE_ID/MAKE_ID|CORRELATION_ID}: one file's journey from the logs. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = "Prints one file's journey through the pipeline — watcher, sender, authorizer, API — from "
                + "serve's JSON log (DIR/logs/serve.jsonl), found by its object key, by the make it became "
                + "(RECIPE_ID/MAKE_ID) or by its correlation id. With --aws, prints the CloudWatch Logs Insights "
                + "queries that find the same journey in a deployed stack's log groups.")
public final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(
            paramLabel = "KEY|RECIPE_ID/MAKE_ID|CORRELATION_ID",
            description = "an object key (default/makes/pie.json), a make (2/5) or a correlation id (f-…)")
    String target;

    @Option(
            names = "--kitchen",
            defaultValue = DataDirectory.DEFAULT_KITCHEN,
            description = "the kitchen of a RECIPE_ID/MAKE_ID (default: ${DEFAULT-VALUE})")
    String kitchen;

    @Option(names = "--log", paramLabel = "FILE", description = "a JSON log to read instead of serve's")
    Path log;

    @Option(names = "--aws", description = "print the CloudWatch Logs Insights queries instead of reading a log")
    boolean aws;

    @Override
    public Integer call() {
        Journey.Target what = Journey.Target.parse(target, kitchen);
        if (aws) {
            spec.commandLine().getOut().print(Journey.insightsQueries(what));
            return 0;
        }
        Path file = log != null ? log : dataDir.directory().log();
        List<JsonNode> journey = Journey.find(what, List.of(ServeLogFile.previous(file), file));
        if (journey.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("recipediff trace: no log line of " + file + " names " + what.description());
            return 1;
        }
        spec.commandLine().getOut().print(Journey.render(journey));
        return 0;
    }
}
