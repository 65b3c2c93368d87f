package dev.recipediff.emulators.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite (the DynamoDB protocol emulator, npm {@code dynalite}) as a child {@code node} process bound to
 * 127.0.0.1 on a free port. {@link #start(Options)} waits (bounded) until it listens; {@link #close()} stops
 * it, a shutdown hook stops it when the JVM ends first, and the child exits by itself when its stdin (a pipe
 * from this JVM) closes — so no orphan survives, not even a killed JVM. {@link #restart()} stops it and starts
 * it again on the same port and store, so that clients built against {@link #endpoint()} reconnect to it.
 */
public final class DynaliteProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynaliteProcess.class);
    private static final String LISTENING = "Dynalite listening at";
    private static final int PORT_ATTEMPTS = 3;
    /**
     * The node script that runs dynalite ({@code dynalite-bounded.js} next to this class): it exits when its
     * stdin ends (a pipe from this JVM, so even a JVM killed with SIGKILL takes its dynalite with it), closes
     * the LevelDB iterator of every Query (dynalite 4.0.0 leaks it), bounds LevelDB's caches and starts
     * dynalite through its programmatic API on 127.0.0.1.
     */
    static final String LAUNCHER = launcherScript();

    /**
     * The memory budget of the dynalite process, whatever the data size (docs/performance.md, "Memory
     * budget"): V8's old space, LevelDB's block cache and write buffer, and the table files LevelDB keeps open
     * (each holds its index and filter blocks in memory).
     */
    public static final int MAX_OLD_SPACE_MIB = 128;

    static final int LEVELDB_CACHE_BYTES = 8 << 20;
    static final int LEVELDB_WRITE_BUFFER_BYTES = 4 << 20;
    static final int LEVELDB_MAX_OPEN_FILES = 256;

    private final List<String> command;
    private final Duration startTimeout;
    private final int port;
    private final Thread shutdownHook;
    private volatile Process process;

    /**
     * How to start dynalite.
     *
     * @param dynaliteDir  the {@code node_modules/dynalite} directory; empty = found by walking up from the
     *                     working directory
     * @param dataDir      where dynalite keeps its LevelDB store; empty = in memory
     * @param startTimeout how long to wait for it to listen
     */
    public record Options(Optional<Path> dynaliteDir, Optional<Path> dataDir, Duration startTimeout) {
        public static Options inMemory() {
            return new Options(Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
        }

        public Options withDataDir(Path dir) {
            return new Options(dynaliteDir, Optional.of(dir), startTimeout);
        }

        public Options withDynaliteDir(Path dir) {
            return new Options(Optional.of(dir), dataDir, startTimeout);
        }
    }

    private DynaliteProcess(Process process, List<String> command, int port, Duration startTimeout) {
        this.process = process;
        this.command = command;
        this.port = port;
        this.startTimeout = startTimeout;
        this.shutdownHook = new Thread(this::stop, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts dynalite in memory, found from the working directory. */
    public static DynaliteProcess start() {
        return start(Options.inMemory());
    }

    public static DynaliteProcess start(Options options) {
        Path dynalite =
                options.dynaliteDir().orElseGet(() -> findDynalite(Path.of("").toAbsolutePath()));
        Path cli = dynalite.resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(
                    "dynalite not found at " + dynalite + "; run `npm ci --no-audit --no-fund` at the repository root");
        }
        String node = "node"; // resolved on the PATH by the OS; a missing node is reported at start
        IllegalStateException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            List<String> command = ownerOnly(command(node, dynalite, options.dataDir(), port));
            try {
                return new DynaliteProcess(
                        launch(command, port, options.startTimeout()), command, port, options.startTimeout());
            } catch (IllegalStateException e) {
                last = e; // most likely the port was taken between probing and binding: try another
            }
        }
        throw last;
    }

    /** The command line that starts dynalite on {@code port} (0 = any), in memory or on {@code dataDir}. */
    static List<String> command(String node, Path dynalite, Optional<Path> dataDir, int port) {
        String options = "{\"port\":" + port
                + ",\"path\":" + dataDir.map(dir -> jsonString(dir.toString())).orElse("null")
                + ",\"leveldb\":{\"cacheSize\":" + LEVELDB_CACHE_BYTES
                + ",\"writeBufferSize\":" + LEVELDB_WRITE_BUFFER_BYTES
                + ",\"maxOpenFiles\":" + LEVELDB_MAX_OPEN_FILES + "}}";
        return List.of(node, "--max-old-space-size=" + MAX_OLD_SPACE_MIB, "-e", LAUNCHER, dynalite.toString(), options);
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String launcherScript() {
        try (var in = DynaliteProcess.class.getResourceAsStream("dynalite-bounded.js")) {
            if (in == null) {
                throw new IllegalStateException("dynalite-bounded.js missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command run with umask 077 where there is a POSIX shell: dynalite's LevelDB files are then 0600 (and
     * its folders 0700) from creation, whatever the JVM's umask. {@code exec} keeps the process (and its pid).
     */
    static List<String> ownerOnly(List<String> command) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", "dynalite"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs {@code command} and waits (bounded) until dynalite listens on {@code port}. */
    private static Process launch(List<String> command, int port, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not run `node`: dynalite needs Node.js >= 20 on the PATH "
                            + "(https://nodejs.org), then `npm ci --no-audit --no-fund` at the repository root",
                    e);
        }
        CompletableFuture<Void> listening = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> pump(process, listening, output), "dynalite-output-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("dynalite listening on 127.0.0.1:{}", port);
            return process;
        } catch (TimeoutException | ExecutionException e) {
            destroy(process);
            String why = e instanceof TimeoutException ? "did not listen within " + timeout : "exited";
            synchronized (output) {
                throw new IllegalStateException("dynalite " + why + "; output: " + String.join("\n", output));
            }
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    private static void pump(Process process, CompletableFuture<Void> listening, List<String> output) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(LISTENING)) {
                    listening.complete(null);
                } else if (!listening.isDone()) {
                    synchronized (output) {
                        output.add(line);
                    }
                } else {
                    log.debug("dynalite: {}", line);
                }
            }
        } catch (IOException e) {
            // the process ended; nothing more to read
        }
        listening.completeExceptionally(new IllegalStateException("dynalite exited"));
    }

    /** Walks up from {@code start} to the first directory holding {@code node_modules/dynalite}. */
    public static Path findDynalite(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("node_modules").resolve("dynalite");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no node_modules/dynalite in " + start + " or any parent; run "
                + "`npm ci --no-audit --no-fund` at the repository root (needs Node.js >= 20)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** The {@code node} process's id (for its memory figures in {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** The endpoint to give a DynamoDB client ({@code endpointOverride}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    /**
     * Stops dynalite (whether it runs or was killed) and starts it again on the same port with the same store,
     * waiting (bounded) until it listens: what restarting the DynamoDB emulator alone under running clients does.
     */
    public synchronized void restart() {
        destroy(process);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                process = launch(command, port, startTimeout);
                return;
            } catch (IllegalStateException e) {
                last = e; // the old process's port may take a moment to be free again
                pauseBeforeRetry();
            }
        }
        throw last;
    }

    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting dynalite", e);
        }
    }

    private synchronized void stop() {
        destroy(process);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
