package dev.recipediff.local.cli;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.local.serve.Endpoints;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code recipediff audit verify}: recomputes a kitchen's audit chain in the running serve's table. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Checks the audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand extends CommandGroup {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Walks a kitchen's audit trail: no gap in the sequence, every entry matches its hash and "
                    + "is chained to the one before. Exit 0 when intact, 1 when not (the first problem is printed).")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Mixin
        KitchenOption kitchenOption;

        @Override
        public Integer call() {
            String kitchen = kitchenOption.name();
            try {
                Endpoints endpoints = Endpoints.ofRunningServe(dataDir.directory());
                var config = endpoints.functionsConfig(Optional.empty());
                try (var dynamoDb = new AwsClients(config).dynamoDb()) {
                    var trail = new AuditTrail(new RecipeTable(dynamoDb, endpoints.table()), Clock.systemUTC());
                    AuditTrail.Verdict verdict = trail.verify(kitchen, entry -> {});
                    if (verdict.intact()) {
                        spec.commandLine()
                                .getOut()
                                .println("audit trail of kitchen " + kitchen + ": intact, " + verdict.entries()
                                        + " entries");
                        return 0;
                    }
                    spec.commandLine()
                            .getOut()
                            .println("audit trail of kitchen " + kitchen + ": NOT intact after " + verdict.entries()
                                    + " good entries: " + verdict.problem().orElseThrow());
                    return 1;
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("recipediff audit verify: " + e.getMessage());
                return 2;
            }
        }
    }
}
