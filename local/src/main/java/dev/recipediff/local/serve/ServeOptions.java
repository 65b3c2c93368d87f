package dev.recipediff.local.serve;

import java.net.URI;
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
 * @param senderApiBaseUrl  where the sender calls the API (its {@code API_BASE_URL}); empty = this serve's own
 *                          front door. Set it to put something between the sender and the API — a reverse proxy,
 *                          a TLS terminator, a traffic recorder — as {@code API_BASE_URL} does on AWS
 * @param sharedDataDirectoryAllowed start even when other local users may read or write the data directory
 *                          ({@code --allow-shared-data-dir}); otherwise {@code serve} refuses to
 */
public record ServeOptions(
        DataDirectory dataDirectory,
        int httpPort,
        String kitchen,
        Optional<Path> dynaliteDirectory,
        Duration visibilityTimeout,
        Optional<URI> senderApiBaseUrl,
        boolean sharedDataDirectoryAllowed) {

    public static final int DEFAULT_HTTP_PORT = 8080;

    public ServeOptions {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("--http-port must be 0..65535, was " + httpPort);
        }
        if (senderApiBaseUrl.isPresent() && !senderApiBaseUrl.get().isAbsolute()) {
            throw new IllegalArgumentException(
                    "the sender's API base URL must be absolute, was " + senderApiBaseUrl.get());
        }
    }

    public static ServeOptions of(Path dataDir, int httpPort, String kitchen, Optional<Path> dynaliteDirectory) {
        return new ServeOptions(
                new DataDirectory(dataDir),
                httpPort,
                kitchen,
                dynaliteDirectory,
                Duration.ofSeconds(30),
                Optional.empty(),
                false);
    }

    public ServeOptions withVisibilityTimeout(Duration timeout) {
        return new ServeOptions(
                dataDirectory,
                httpPort,
                kitchen,
                dynaliteDirectory,
                timeout,
                senderApiBaseUrl,
                sharedDataDirectoryAllowed);
    }

    /** The sender calls the API at {@code baseUrl} instead of this serve's own front door. */
    public ServeOptions withSenderApiBaseUrl(URI baseUrl) {
        return new ServeOptions(
                dataDirectory,
                httpPort,
                kitchen,
                dynaliteDirectory,
                visibilityTimeout,
                Optional.of(baseUrl),
                sharedDataDirectoryAllowed);
    }

    /** Starts even on a data directory that other local users may read or write. */
    public ServeOptions withSharedDataDirectoryAllowed() {
        return new ServeOptions(
                dataDirectory, httpPort, kitchen, dynaliteDirectory, visibilityTimeout, senderApiBaseUrl, true);
    }
}
