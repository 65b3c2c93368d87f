package dev.recipediff.local.cli;

import dev.recipediff.local.serve.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: the directory serve keeps everything in (default {@code ./data}). */
final class DataDirOption {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "serve's data directory (default: ./data)")
    Path dataDir;

    DataDirectory directory() {
        return new DataDirectory(dataDir);
    }
}
