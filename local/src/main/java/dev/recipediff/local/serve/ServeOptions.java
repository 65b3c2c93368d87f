package dev.recipediff.local.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code recipediff serve} was asked for.
 *
 * @param httpPort          the API's port on 127.0.0.1; 0 picks a free one
 * @param kitchen           the kitchen whose admin token is minted (default {@code default})
 * @param dynaliteDirectory {@code node_modules/dynalite}; empty = found from the repository root / working dir
 * @param visibilityTimeout the jobs queue's visibility timeout (how long before a failed job is retried)
 */
public record ServeOptions(DataDirectory dataDirectory, int httpPort, String kitchen,
                           Optional<Path> dynaliteDirectory, Duration visibilityTimeout) {

    public static final int DEFAULT_HTTP_PORT = 8080;

    public ServeOptions {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("--http-port must be 0..65535, was " + httpPort);
        }
    }

    public static ServeOptions of(Path dataDir, int httpPort, String kitchen, Optional<Path> dynaliteDirectory) {
        return new ServeOptions(new DataDirectory(dataDir), httpPort, kitchen, dynaliteDirectory,
                Duration.ofSeconds(30));
    }

    public ServeOptions withVisibilityTimeout(Duration timeout) {
        return new ServeOptions(dataDirectory, httpPort, kitchen, dynaliteDirectory, timeout);
    }
}
