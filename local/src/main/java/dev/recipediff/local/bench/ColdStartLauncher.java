package dev.recipediff.local.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Starts the fresh {@code java} processes of {@code recipediff bench coldstart}: a function's deployed shaded jar
 * and the {@link ColdStartProbe}, which handles one event fixture and prints when it was constructed, primed and
 * done; this times each line from process start.
 */
final class ColdStartLauncher {

    static final long TIMEOUT_SECONDS = 60;

    /** The times of one process, in ms from its start: to "primed" (or -1), "handled", "constructed"; CPU ms. */
    record ProbeTimes(double primedMillis, double handledMillis, double constructedMillis, double cpuMillis) {}

    /** A function's process did not handle its event. */
    static final class FunctionFailedException extends RuntimeException {
        FunctionFailedException(String message) {
            super(message);
        }
    }

    private final Path jarsDir;
    private final List<Path> eventLoaderJars;
    private final List<String> jvmOptions;
    private final boolean runtimeCds;
    /** Options every measured child gets besides {@link #jvmOptions} (the runtime archive, when modelled). */
    private List<String> archiveOptions = List.of();

    ColdStartLauncher(Path jarsDir, List<Path> eventLoaderJars, List<String> jvmOptions, boolean runtimeCds) {
        this.jarsDir = jarsDir;
        this.eventLoaderJars = eventLoaderJars;
        this.jvmOptions = jvmOptions;
        this.runtimeCds = runtimeCds;
    }

    Path jar(ColdStartFunction function) {
        Path jar = jarsDir.resolve("recipediff-" + function.name() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + "; build the Lambda jars first: "
                    + "./recipediff mvn -o -q -pl functions -am -DskipTests package");
        }
        return jar;
    }

    /** Every measured child from now on shares {@code archive} (the modelled runtime archive). */
    void useArchive(Path archive) {
        archiveOptions = List.of("-XX:SharedArchiveFile=" + archive);
    }

    List<Path> eventLoaderJars() {
        return eventLoaderJars;
    }

    /** The child JVM's options as given. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The child JVM's options, "{function}" standing for the function's name (e.g. one archive per function). */
    List<String> jvmOptions(ColdStartFunction function) {
        return jvmOptions.stream()
                .map(option -> option.replace("{function}", function.name()))
                .toList();
    }

    /** One fresh process handles {@code fixture}; throws {@link FunctionFailedException} when it does not. */
    ProbeTimes runOnce(
            ColdStartFunction function, boolean primed, Path probeJar, Path fixture, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions(function));
        command.addAll(archiveOptions);
        command.addAll(probeArguments(function, probeJar, fixture, primed ? "primed" : "plain"));
        Path errors = probeJar.resolveSibling(function.name() + (primed ? "-primed" : "") + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        double primedMillis = -1;
        double handledMillis = -1;
        double constructedMillis = -1;
        double cpuMillis = -1;
        String answer = "";
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                double millis = (System.nanoTime() - start) / 1e6;
                if (line.equals("constructed")) {
                    constructedMillis = millis;
                } else if (line.startsWith("cpu ")) {
                    cpuMillis = Double.parseDouble(line.substring(4));
                } else if (line.equals("primed")) {
                    primedMillis = millis;
                } else if (line.startsWith("handled")) {
                    handledMillis = millis;
                    answer = line;
                }
            }
        } finally {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (handledMillis < 0 || process.exitValue() != 0) {
            throw new FunctionFailedException("did not handle its event (exit " + process.exitValue() + "); "
                    + Files.readAllLines(errors).stream()
                            .filter(line -> line.startsWith("Caused by:"))
                            .reduce((first, last) -> last)
                            .orElse("see " + errors));
        }
        if (answer.matches(".*StatusCode=[^2].*") || answer.endsWith("IsAuthorized=false")) {
            throw new FunctionFailedException("handled its event but answered: " + answer);
        }
        return new ProbeTimes(primedMillis, handledMillis, constructedMillis, cpuMillis);
    }

    /** {@code -cp CLASSPATH ColdStartProbe HANDLER EVENT-CLASS FIXTURE MODE}. */
    List<String> probeArguments(ColdStartFunction function, Path probeJar, Path fixture, String mode) {
        return List.of(
                "-cp",
                classPath(function, probeJar),
                ColdStartProbe.class.getName(),
                function.handlerClass(),
                function.eventClass(),
                fixture.toString(),
                mode);
    }

    /**
     * The child's class path: the function's jar first; with the runtime archive modelled, the runtime's jars and
     * the probe first (an archive's class path must be a prefix of the class path it is used with).
     */
    private String classPath(ColdStartFunction function, Path probeJar) {
        List<String> classPath = new ArrayList<>();
        if (!runtimeCds) {
            classPath.add(jar(function).toString());
        }
        classPath.add(probeJar.toString());
        eventLoaderJars.forEach(jar -> classPath.add(jar.toString()));
        if (runtimeCds) {
            classPath.add(jar(function).toString());
        }
        return String.join(File.pathSeparator, classPath);
    }

    static void runToEnd(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " took more than " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "); see "
                    + builder.redirectOutput().file());
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The probe class file alone, in a jar of its own, so that the child's class path holds nothing else of ours
     * and only jars (a class-data-sharing archive, if the JVM options ask for one, covers jars only).
     */
    static Path extractProbe(Path workDir) throws IOException {
        String resource = ColdStartProbe.class.getName().replace('.', '/') + ".class";
        Path jar = workDir.resolve("probe").resolve("coldstart-probe.jar");
        Files.createDirectories(jar.getParent());
        try (InputStream in = ColdStartProbe.class.getClassLoader().getResourceAsStream(resource);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (in == null) {
                throw new IllegalStateException("cannot find " + resource);
            }
            out.putNextEntry(new JarEntry(resource));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
