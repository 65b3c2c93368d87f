package dev.recipediff.local.cli;

import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.local.deployment.Deployment;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code recipediff token mint}: mints an API token in a deployed stack's table or the running serve's. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manages API tokens.",
        subcommands = TokenCommand.Mint.class)
public final class TokenCommand extends CommandGroup {

    @Command(
            name = "mint",
            mixinStandardHelpOptions = true,
            description = {
                "Mints a token for a kitchen in the table of a deployed stack (--stack, or --table) or of the "
                        + "running serve, and prints it once (only its hash is stored).",
                "Scopes: read, write, admin (any combination), or service alone: the pipeline sender's token, "
                        + "which reads and writes in ANY kitchen it names in the X-Recipediff-Kitchen header (its own "
                        + "when absent) and may not mint or revoke tokens — keep it in the ServiceToken secret only."
            })
    static final class Mint implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        TargetOptions target;

        @Mixin
        KitchenOption kitchenOption;

        @Option(
                names = "--scopes",
                paramLabel = "read,write,admin|service",
                split = ",",
                defaultValue = "read",
                description = "comma-separated scopes: read, write, admin; or service alone (default: read)")
        List<String> scopes;

        @Option(
                names = "--label",
                paramLabel = "TEXT",
                defaultValue = "recipediff token mint",
                description = "what the token is for")
        String label;

        @Override
        public Integer call() {
            String kitchen = kitchenOption.name();
            Set<Scope> parsed = EnumSet.noneOf(Scope.class);
            for (String name : scopes) {
                Optional<Scope> scope = Scope.fromWireName(name.strip());
                if (scope.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("recipediff token mint: unknown scope '" + name
                                    + "' (read, write, admin, or service alone)");
                    return 2;
                }
                parsed.add(scope.get());
            }
            if (parsed.contains(Scope.SERVICE) && parsed.size() > 1) {
                spec.commandLine()
                        .getErr()
                        .println("recipediff token mint: the service scope stands alone (it "
                                + "already reads and writes); mint a separate token for " + scopes);
                return 2;
            }
            try {
                Deployment deployment = target.deployment();
                String table = deployment.requireTable();
                try (var dynamoDb = new AwsClients(deployment.functionsConfig()).dynamoDb()) {
                    var tokens =
                            new TokenService(new TokenRecords(new RecipeTable(dynamoDb, table)), Clock.systemUTC());
                    var minted = parsed.contains(Scope.SERVICE)
                            ? tokens.mintServiceToken(kitchen, label)
                            : tokens.mint(kitchen, parsed, label);
                    spec.commandLine()
                            .getErr()
                            .println("token " + minted.tokenId() + " for kitchen " + kitchen + " with " + scopes
                                    + " in " + deployment.where() + " (shown once):");
                    spec.commandLine().getOut().println(minted.token());
                }
                return 0;
            } catch (IllegalStateException | IllegalArgumentException | SdkException e) {
                spec.commandLine().getErr().println("recipediff token mint: " + e.getMessage());
                return 1;
            }
        }
    }
}
