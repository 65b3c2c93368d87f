package dev.recipediff.local.serve;

import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What {@code serve} checks before it starts anything, each failing with a {@link ServeException} that says what
 * to do: Node.js 20 or newer, dynalite installed, no other serve on the same data directory.
 */
final class ServeStartupChecks {

    static final int MIN_NODE_MAJOR = 20;
    private static final Duration NODE_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private ServeStartupChecks() {}

    /** Fails before anything starts unless {@code node --version} says 20 or newer. */
    static void checkNodeVersion() {
        String version;
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!node.waitFor(NODE_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                node.destroyForcibly();
                throw new ServeException(
                        "`node --version` did not answer within " + NODE_CHECK_TIMEOUT.toSeconds()
                                + " s; dynalite needs Node.js >= 20",
                        null);
            }
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ServeException(
                    "`node` is not on the PATH: recipediff serve needs Node.js >= " + MIN_NODE_MAJOR
                            + " for dynalite (https://nodejs.org)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServeException("interrupted while checking Node.js", e);
        }
        var major = Pattern.compile("^v?(\\d+)\\.").matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < MIN_NODE_MAJOR) {
            throw new ServeException(
                    "recipediff serve needs Node.js >= " + MIN_NODE_MAJOR + " for dynalite; `node " + "--version` says "
                            + (version.isEmpty() ? "nothing" : version),
                    null);
        }
    }

    /** Fails before anything starts when dynalite is not installed (whether node runs is known at its start). */
    static void checkDynaliteIsInstalled(ServeOptions options) {
        Path dynalite;
        try {
            dynalite = options.dynaliteDirectory()
                    .orElseGet(() -> DynaliteProcess.findDynalite(Path.of("").toAbsolutePath()));
        } catch (IllegalStateException e) {
            throw new ServeException(e.getMessage(), e);
        }
        if (!Files.isRegularFile(dynalite.resolve("cli.js"))) {
            throw new ServeException(
                    "dynalite is not installed at " + dynalite + "; run `npm ci --no-audit --no-fund`"
                            + " at the repository root (needs Node.js >= 20)",
                    null);
        }
    }

    static void refuseWhenAnotherServeRuns(DataDirectory dir) {
        try {
            Endpoints running = Endpoints.ofRunningServe(dir);
            throw new ServeException(
                    "another recipediff serve (pid " + running.pid() + ") is running on " + dir.root() + " at "
                            + running.api() + "; stop it first or pass another --data-dir",
                    null);
        } catch (IllegalStateException none) {
            // no serve on this directory: go ahead
        }
    }
}
