package dev.recipediff.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recipediff bench coldstart [--runs N]}. */
@Command(
        name = "coldstart",
        mixinStandardHelpOptions = true,
        description = {
            "For each function (watcher, sender, api, authorizer): a fresh java process with its deployed "
                    + "shaded jar handles a real event fixture against serve's emulators; prints the median and p90 time "
                    + "from process start to the event handled, without and with the priming warm-up, and the jar sizes.",
            "Needs the Lambda jars: ./recipediff mvn -o -q -pl functions -am -DskipTests package"
        })
public final class ColdStartBenchCommand implements Callable<Integer> {

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "10",
            description = "fresh JVMs per function and mode (default 10)")
    int runs;

    @Option(
            names = "--functions",
            paramLabel = "NAMES",
            split = ",",
            description = "only these functions (default: watcher,sender,api,authorizer)")
    List<String> functions;

    @Option(
            names = "--modes",
            paramLabel = "MODES",
            split = ",",
            defaultValue = "plain,primed",
            description = "plain (first event of a fresh JVM), primed (after the priming warm-up) or both (default)")
    List<String> modes;

    @Option(
            names = "--runtime-cds",
            description = {
                "model the Lambda runtime's class-data-sharing archive of its own "
                        + "classes (it starts java with -Xshare:on -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa): the JDK's and "
                        + "the event deserializer's classes come from an archive dumped first; the function's classes still load from "
                        + "its jar (default: off, every class loads from its jar except the JDK's default archive)"
            })
    boolean runtimeCds;

    @Option(
            names = "--jars",
            paramLabel = "DIR",
            description = "the Lambda jars (default: functions/target/lambda under the repository)")
    Path jars;

    @Option(
            names = "--jvm-options",
            paramLabel = "OPTS",
            defaultValue = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m",
            description = {
                "the child JVM's options (default: what the Lambda Java runtime uses: C1 only, serial GC); "
                        + "{function} stands for the function's name, e.g. "
                        + "-XX:SharedArchiveFile=/tmp/{function}.jsa -XX:+AutoCreateSharedArchive"
            })
    String jvmOptions;

    @Option(
            names = "--event-loader-jars",
            paramLabel = "JARS",
            split = ",",
            description =
                    "the runtime's event deserializer: aws-lambda-java-serialization and joda-time jars (default: from ~/.m2)")
    List<Path> eventLoaderJars;

    @Override
    public Integer call() throws Exception {
        Path jarsDir =
                jars != null ? jars : BenchCommand.home().orElse(Path.of(".")).resolve("functions/target/lambda");
        List<Path> loaderJars = eventLoaderJars != null ? eventLoaderJars : eventLoaderJarsFromMavenRepository();
        Path work = Files.createTempDirectory("recipediff-bench-coldstart-");
        List<ColdStartFunction> selected = ColdStartFunction.ALL.stream()
                .filter(function -> functions == null || functions.contains(function.name()))
                .toList();
        if (selected.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this),
                    "--functions: none of " + functions + " is one of watcher, sender, api, authorizer");
        }
        var bench = new ColdStartBench(
                jarsDir,
                loaderJars,
                Arrays.asList(jvmOptions.trim().split("\\s+")),
                runs,
                selected,
                modes.stream()
                        .map(mode -> switch (mode) {
                            case "plain" -> false;
                            case "primed" -> true;
                            default ->
                                throw new picocli.CommandLine.ParameterException(
                                        new picocli.CommandLine(this),
                                        "--modes: " + mode + " is neither plain nor primed");
                        })
                        .toList(),
                runtimeCds,
                System.out);
        try {
            bench.run(work.resolve("data"), BenchCommand.dynaliteFromHome(), work);
        } finally {
            BenchCommand.deleteCreated(work, null);
        }
        return 0;
    }

    static List<Path> eventLoaderJarsFromMavenRepository() throws IOException {
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        List<Path> found = new ArrayList<>();
        // the deserializer registers its Joda DateTime module for every event type and loads DateTime from the
        // class path: the sender, api and authorizer jars leave joda-time out, so it comes with the "runtime" here
        for (String artifact : List.of("com/amazonaws/aws-lambda-java-serialization", "joda-time/joda-time")) {
            String name = artifact.substring(artifact.lastIndexOf('/') + 1);
            try (Stream<Path> files = Files.walk(repository.resolve(artifact), 2)) {
                found.add(files.filter(p -> p.getFileName().toString().matches(name + "-[0-9.]+\\.jar"))
                        .max(java.util.Comparator.comparing(ColdStartBenchCommand::versionOf))
                        .orElseThrow(() -> new IllegalStateException(
                                "no " + name + " jar under " + repository + "; pass --event-loader-jars")));
            }
        }
        return found;
    }

    /** "2.10.8" → comparable "0000000002.0000000010.0000000008". */
    private static String versionOf(Path jar) {
        String version = jar.getParent().getFileName().toString();
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%010d.", part.matches("\\d+") ? Long.parseLong(part) : 0));
        }
        return key.toString();
    }
}
