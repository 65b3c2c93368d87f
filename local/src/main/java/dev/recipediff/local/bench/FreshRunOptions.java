package dev.recipediff.local.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every benchmark that starts serve on a fresh data directory shares (a picocli mixin). */
public final class FreshRunOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "a fresh (empty) data directory (default: a new temporary one)")
    Path dataDir;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default 42)")
    long seed;
}
