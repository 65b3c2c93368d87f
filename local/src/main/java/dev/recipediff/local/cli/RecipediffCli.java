package dev.recipediff.local.cli;

import dev.recipediff.local.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recipediff} command line: one entry point, one subcommand per task. */
@Command(
        name = "recipediff",
        mixinStandardHelpOptions = true,
        version = "recipediff 0.1.0",
        description = "Every time this recipe was made, what did people change, and does it matter?",
        subcommands = {
            CommandLine.HelpCommand.class,
            CompareCommand.class,
            ReadCommand.class,
            ParseLinesCommand.class,
            ServeCommand.class,
            SubmitCommand.class,
            StatusCommand.class,
            ReconcileCommand.class,
            RedriveCommand.class,
            TokenCommand.class,
            AuditCommand.class,
            ChaosCommand.class,
            TraceCommand.class,
            BenchCommand.class
        })
public final class RecipediffCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new RecipediffCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        // serve's handlers share HttpURLConnection-based SDK clients across many threads; the JDK keeps only 5
        // idle connections per destination by default and re-opens the rest on every call
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        System.exit(commandLine().execute(args));
    }
}
