package dev.recipediff.local.cli;

import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.local.serve.DataDirectory;
import dev.recipediff.local.serve.Endpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code recipediff token mint}: mints an API token in the running serve's table. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manages API tokens.",
        subcommands = TokenCommand.Mint.class)
public final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = "Mints a token for a kitchen and prints it once (only its hash is stored).")
    static final class Mint implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--kitchen", paramLabel = "K", defaultValue = DataDirectory.DEFAULT_KITCHEN,
                description = "the kitchen (default: default)")
        String kitchen;

        @Option(names = "--scopes", paramLabel = "read,write,admin", split = ",", defaultValue = "read",
                description = "comma-separated scopes: read, write, admin (default: read)")
        List<String> scopes;

        @Option(names = "--label", paramLabel = "TEXT", defaultValue = "recipediff token mint",
                description = "what the token is for")
        String label;

        @Override
        public Integer call() {
            Set<Scope> parsed = EnumSet.noneOf(Scope.class);
            for (String name : scopes) {
                Optional<Scope> scope = Scope.fromWireName(name.strip());
                if (scope.isEmpty() || scope.get() == Scope.SERVICE) {
                    spec.commandLine().getErr().println("recipediff token mint: unknown scope '" + name
                            + "' (read, write, admin)");
                    return 2;
                }
                parsed.add(scope.get());
            }
            try {
                Endpoints endpoints = Endpoints.ofRunningServe(dataDir.directory());
                var config = endpoints.functionsConfig(Optional.empty());
                try (var dynamoDb = new AwsClients(config).dynamoDb()) {
                    var tokens = new TokenService(new TokenRecords(new RecipeTable(dynamoDb, endpoints.table())),
                            Clock.systemUTC());
                    var minted = tokens.mint(kitchen, parsed, label);
                    spec.commandLine().getErr().println("token " + minted.tokenId() + " for kitchen " + kitchen
                            + " with " + scopes + " (shown once):");
                    spec.commandLine().getOut().println(minted.token());
                }
                return 0;
            } catch (IllegalStateException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("recipediff token mint: " + e.getMessage());
                return 1;
            }
        }
    }
}
