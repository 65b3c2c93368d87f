package dev.recipediff.local.cli;

import dev.recipediff.local.serve.DataDirectory;
import picocli.CommandLine.Option;

/** {@code --kitchen K}: the kitchen an operational command works in (default {@code default}). */
final class KitchenOption {

    @Option(
            names = "--kitchen",
            paramLabel = "K",
            defaultValue = DataDirectory.DEFAULT_KITCHEN,
            description = "the kitchen (default: default)")
    String kitchen;

    String name() {
        return kitchen;
    }
}
