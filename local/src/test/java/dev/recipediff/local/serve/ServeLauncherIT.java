package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as users run it: {@code ./recipediff serve} as a real process reaches the ready line, and
 * SIGTERM stops it without leaving the dynalite child behind. Runs after {@code package} (the launcher uses
 * local/target/recipediff.jar), under failsafe (after package).
 */
class ServeLauncherIT {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("basedir", "local")).toAbsolutePath().getParent();

    @TempDir
    Path dataDir;

    @Test
    void theLauncherReachesReadyAndStopsCleanlyOnSigterm() throws Exception {
        Process serve = new ProcessBuilder(
                        REPOSITORY.resolve("recipediff").toString(),
                        "serve",
                        "--data-dir",
                        dataDir.toString(),
                        "--http-port",
                        "0")
                .directory(REPOSITORY.toFile())
                .redirectError(dataDir.resolveSibling(dataDir.getFileName() + "-serve.log")
                        .toFile())
                .start();
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> firstReadyLine(serve));

            String line = ready.get(120, TimeUnit.SECONDS);

            assertThat(line)
                    .matches("ready api=http://127\\.0\\.0\\.1:\\d+ inbox=" + dataDir.toAbsolutePath()
                            + "/inbox s3=http://127\\.0\\.0\\.1:\\d+ sqs=http://127\\.0\\.0\\.1:\\d+");
            assertThat(Files.readString(dataDir.resolve("admin-token")).strip()).startsWith("rdt.");
            assertThat(childrenMentioning(dataDir)).isNotEmpty();

            serve.destroy(); // SIGTERM

            assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                    .as("serve exits within 30 s of SIGTERM")
                    .isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> childrenMentioning(dataDir).isEmpty());
            assertThat(dataDir.resolve("endpoints.json")).doesNotExist();
        } finally {
            if (serve.isAlive()) {
                serve.descendants().forEach(ProcessHandle::destroyForcibly);
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void withoutNodeOnThePathServeNamesNodeJs20AndExits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var builder = new ProcessBuilder(
                        java.toString(),
                        "-Drecipediff.home=" + REPOSITORY,
                        "-jar",
                        REPOSITORY.resolve("local/target/recipediff.jar").toString(),
                        "serve",
                        "--data-dir",
                        dataDir.toString(),
                        "--http-port",
                        "0")
                .redirectErrorStream(true);
        builder.environment().put("PATH", dataDir.resolve("no-bin").toString());
        Process serve = builder.start();
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> allOutput(serve));

            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve exits").isTrue();

            assertThat(serve.exitValue()).isEqualTo(1);
            assertThat(output.get(10, TimeUnit.SECONDS))
                    .contains("Node.js >= 20")
                    .doesNotContain("ready ");
        } finally {
            serve.destroyForcibly();
        }
    }

    private static String allOutput(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String firstReadyLine(Process process) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ready ")) {
                    return line;
                }
            }
            return "(serve exited without a ready line)";
        } catch (java.io.IOException e) {
            return "(could not read serve's output: " + e.getMessage() + ")";
        }
    }

    /** Processes whose command line names the data directory (dynalite gets {@code --path DIR/dynamodb}). */
    private static List<ProcessHandle> childrenMentioning(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(dir + "/dynamodb"))
                        .orElse(false))
                .toList();
    }
}
