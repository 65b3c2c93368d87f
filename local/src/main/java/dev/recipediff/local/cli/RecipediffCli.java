package dev.recipediff.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recipediff} command line: one entry point, one subcommand per task. */
@Command(name = "recipediff", mixinStandardHelpOptions = true, version = "recipediff 0.1.0",
        description = "Every time this recipe was made, what did people change, and does it matter?",
        subcommands = {CommandLine.HelpCommand.class, CompareCommand.class})
public final class RecipediffCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RecipediffCli()).execute(args));
    }
}
