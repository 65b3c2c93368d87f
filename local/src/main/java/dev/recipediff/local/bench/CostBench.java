package dev.recipediff.local.bench;

import dev.recipediff.core.model.Recipe;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code recipediff bench cost}: serve on a fresh data directory, makes uploaded and followed until recorded or
 * rejected while {@link SdkCallCounter} counts every AWS call the handlers and the AWS glue make (the
 * benchmark's own look-ups excluded), then {@link CostModel} prices them.
 */
public final class CostBench {

    public record Options(
            int makes,
            int recipes,
            Path dataDir,
            Optional<Path> dynaliteDir,
            double rate,
            CostModel.Stack stack,
            double kmsRequestsPerMake,
            long seed) {}

    public record Result(long makes, SdkCallCounter.Counts counts, CostModel model) {}

    private CostBench() {}

    public static Result run(Options options, PrintStream progress) throws InterruptedException {
        try (BenchServe serve = BenchServe.startFresh(options.dataDir(), options.dynaliteDir())) {
            List<Recipe> recipes = RecipeCatalog.generate(options.recipes(), options.seed());
            PipelineBench.createRecipes(serve.api(), recipes);
            List<GeneratedMake> makes = new MakeGenerator(recipes, options.seed()).generate(options.makes());
            var tracker = new CompletionTracker(
                    serve.dynamoDb(), ServeRuntime.TABLE, serve.s3(), ServeRuntime.BUCKET, BenchServe.KITCHEN, makes);
            progress.println("recipediff bench cost: counting the calls of " + makes.size() + " makes");
            SdkCallCounter.start();
            SdkCallCounter.Counts counts;
            try {
                new MakeUploader(serve.s3(), ServeRuntime.BUCKET, BenchServe.KITCHEN, makes).uploadClosedLoop(4);
                boolean done = SdkCallCounter.excluded(
                        () -> tracker.awaitAll(Duration.ofMinutes(10), PipelineBench.POLL_INTERVAL, () -> {}));
                if (!done) {
                    throw new IllegalStateException(
                            "the makes were not all done within 10 minutes: " + tracker.accounting());
                }
                Thread.sleep(2_000); // the sender deletes its batch's messages after answering
            } finally {
                counts = SdkCallCounter.stop();
            }
            CostModel model =
                    CostModel.of(counts, makes.size(), options.stack(), options.rate(), options.kmsRequestsPerMake());
            return new Result(makes.size(), counts, model);
        }
    }
}
