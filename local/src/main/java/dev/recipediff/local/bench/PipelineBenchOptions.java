package dev.recipediff.local.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code recipediff bench pipeline} was asked for.
 *
 * @param makes           makes to upload
 * @param recipes         recipes to create first
 * @param rate            empty: closed loop (as fast as S3 accepts); else the offered makes/s (open loop)
 * @param warmUp          makes uploaded and awaited first, not measured (JIT, caches, connections)
 * @param uploaders       concurrent uploads in closed loop
 * @param dataDir         a fresh data directory for serve
 * @param dynaliteDir     node_modules/dynalite, when known
 * @param ceilings        whether to measure the components' ceilings after the pipeline run
 * @param ceilingDuration how long each ceiling is measured (after a 1 s warm-up)
 * @param ceilingThreads  concurrent callers per ceiling probe (compare always uses one per core)
 * @param seed            the generator's seed
 */
public record PipelineBenchOptions(
        int makes,
        int recipes,
        OptionalDouble rate,
        int warmUp,
        int uploaders,
        Path dataDir,
        Optional<Path> dynaliteDir,
        boolean ceilings,
        Duration ceilingDuration,
        int ceilingThreads,
        long seed) {

    public PipelineBenchOptions {
        if (makes < 1 || recipes < 1 || uploaders < 1 || ceilingThreads < 1) {
            throw new IllegalArgumentException(
                    "--makes, --recipes, --uploaders and --ceiling-threads must be at least 1");
        }
        if (warmUp < 0 || makes >= PipelineBench.WARM_UP_FIRST_SEQUENCE) {
            throw new IllegalArgumentException(
                    "--warmup must be >= 0 and --makes below " + PipelineBench.WARM_UP_FIRST_SEQUENCE);
        }
        if (rate.isPresent() && !(rate.getAsDouble() > 0)) {
            throw new IllegalArgumentException("--rate must be positive");
        }
    }
}
