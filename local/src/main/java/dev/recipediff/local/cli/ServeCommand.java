package dev.recipediff.local.cli;

import dev.recipediff.functions.auth.Identity;
import dev.recipediff.local.serve.DataDirectory;
import dev.recipediff.local.serve.ServeException;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recipediff serve}: the whole pipeline on this machine until SIGTERM / Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole pipeline on this machine: S3 (S3Proxy), SQS (ElasticMQ), DynamoDB (dynalite,"
                    + " needs Node.js >= 20), the four handlers and an HTTP API on 127.0.0.1.",
            "Prints one `ready api=... inbox=... s3=... sqs=...` line when everything accepts work; "
                    + "Ctrl-C / SIGTERM stops it gracefully."
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(
            names = "--http-port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "the API's port on 127.0.0.1; 0 picks a free one (default: 8080)")
    int httpPort;

    @Option(
            names = "--kitchen",
            paramLabel = "NAME",
            defaultValue = DataDirectory.DEFAULT_KITCHEN,
            description = "mint (once) an admin token for this kitchen into DIR/admin-token[-NAME] (default: default)")
    String kitchen;

    @Option(
            names = "--sender-api-url",
            paramLabel = "URL",
            description = "the base URL the sender calls the API at (default: this serve's own API), e.g. a reverse "
                    + "proxy in front of it")
    URI senderApiUrl;

    @Option(
            names = "--allow-shared-data-dir",
            description = "start even when other local users may read or write DIR (by default serve refuses: "
                    + "DIR holds every recipe, make and token record)")
    boolean allowSharedDataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Identity.isValidKitchen(kitchen)) {
            err.println("recipediff serve: --kitchen must be lower-case letters, digits and inner dashes (1-63)");
            return 2;
        }
        long started = System.nanoTime();
        ServeRuntime runtime;
        try {
            ServeOptions options = ServeOptions.of(dataDir.dataDir, httpPort, kitchen, dynaliteFromHome());
            options = allowSharedDataDir ? options.withSharedDataDirectoryAllowed() : options;
            runtime = ServeRuntime.start(senderApiUrl == null ? options : options.withSenderApiBaseUrl(senderApiUrl));
        } catch (ServeException e) {
            err.println("recipediff serve: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("recipediff serve: could not start: " + e.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            err.println("recipediff serve: stopping (finishing work in flight, at most 10 s) ...");
                            runtime.close();
                            err.println("recipediff serve: stopped");
                            err.flush();
                            stopped.countDown();
                        },
                        "serve-shutdown"));
        err.printf(
                "recipediff serve: started in %d ms; admin token in %s%n",
                (System.nanoTime() - started) / 1_000_000,
                runtime.dataDirectory().adminToken(kitchen));
        spec.commandLine().getOut().println(runtime.readyLine());
        spec.commandLine().getOut().flush();
        err.flush();
        stopped.await();
        return 0;
    }

    /** The launcher passes -Drecipediff.home=<repository root>, where npm installed dynalite. */
    private static Optional<Path> dynaliteFromHome() {
        return Optional.ofNullable(System.getProperty("recipediff.home"))
                .map(home -> Path.of(home, "node_modules", "dynalite"))
                .filter(Files::isDirectory);
    }
}
