package dev.recipediff.local.bench;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recipediff bench cost [--makes N]}. */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description = {
            "Starts serve on a fresh data directory, sends N makes through the pipeline while counting every "
                    + "AWS call the handlers make (DynamoDB capacity units from the emulator), and prices them with "
                    + "the stack's memory sizes and us-east-1 on-demand prices: USD per make and per million makes.",
            "See docs/performance.md, \"What a make costs on AWS\"."
        })
public final class CostBenchCommand implements Callable<Integer> {

    @Option(names = "--makes", paramLabel = "N", defaultValue = "300", description = "makes to count (default 300)")
    int makes;

    @Option(names = "--recipes", paramLabel = "R", defaultValue = "20", description = "recipes (default 20)")
    int recipes;

    @Option(
            names = "--rate",
            paramLabel = "M",
            defaultValue = "20",
            description = "makes/s assumed on AWS, for the authorizer's cached invocations (default 20)")
    double rate;

    @Option(
            names = "--duration-ms",
            paramLabel = "FN=MS",
            split = ",",
            description =
                    "billed ms of one warm invocation, e.g. api=60,sender=200,watcher=30,authorizer=20 (the defaults)")
    Map<String, Double> durations = Map.of();

    @Option(
            names = "--kms-per-make",
            paramLabel = "K",
            defaultValue = "0",
            description = "KMS requests per make (default 0: S3 Bucket Keys and SQS data-key reuse amortise them)")
    double kmsPerMake;

    @Mixin
    FreshRunOptions fresh = new FreshRunOptions();

    @Override
    public Integer call() throws Exception {
        var options = new CostBench.Options(
                makes,
                recipes,
                BenchCommand.freshDataDir(fresh.dataDir, "cost"),
                BenchCommand.dynaliteFromHome(),
                rate,
                CostModel.Stack.deployed().withDurations(durations),
                kmsPerMake,
                fresh.seed);
        try {
            CostBench.Result result = CostBench.run(options, System.err);
            result.model().print(System.out, result.makes(), result.counts());
            return 0;
        } finally {
            BenchCommand.deleteCreated(options.dataDir(), fresh.dataDir);
        }
    }
}
