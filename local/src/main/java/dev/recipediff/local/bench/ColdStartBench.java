package dev.recipediff.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.lambda.FunctionHandlers;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code recipediff bench coldstart}: for each function, a fresh {@code java} process with the deployed
 * shaded jar handles a real event fixture against serve's emulators; the time from process start to the
 * {@code handled} line is measured, without and with the priming warm-up, together with the jar sizes.
 */
public final class ColdStartBench {

    /** One function (handler class and variables named by {@link FunctionHandlers}): its event type and fixture. */
    public record Function(FunctionHandlers handlers, String eventClass, String fixture) {
        public String name() {
            return handlers.functionName();
        }

        public String handlerClass() {
            return handlers.handlerClass();
        }
    }

    public static final List<Function> FUNCTIONS = List.of(
            new Function(
                    FunctionHandlers.WATCHER,
                    "com.amazonaws.services.lambda.runtime.events.S3Event",
                    "s3-make-created.json"),
            new Function(
                    FunctionHandlers.SENDER,
                    "com.amazonaws.services.lambda.runtime.events.SQSEvent",
                    "sqs-make-job.json"),
            new Function(
                    FunctionHandlers.API,
                    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                    "api-get-makes.json"),
            new Function(
                    FunctionHandlers.AUTHORIZER,
                    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent",
                    "authorizer-request.json"));

    static final String MAKE_KEY = "default/makes/apple-pie.more-cinnamon-hotter.json";
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * Per function and mode: process start → handled (and → primed, → constructed), in ms, and the process's CPU
     * time (all threads) when it had handled the event.
     */
    public record Timing(
            String function,
            boolean primed,
            List<Double> handledMillis,
            List<Double> primedMillis,
            List<Double> constructedMillis,
            List<Double> cpuMillis) {

        void print(PrintStream out) {
            if (primed) {
                List<Double> afterPriming = new ArrayList<>();
                for (int i = 0; i < handledMillis.size(); i++) {
                    afterPriming.add(handledMillis.get(i) - primedMillis.get(i));
                }
                out.printf(
                        Locale.ROOT,
                        "  %-10s primed   start->primed median %6.0f ms p90 %6.0f ms; first event after priming median %5.0f ms p90 %5.0f ms (n=%d)%n",
                        function,
                        median(primedMillis),
                        p90(primedMillis),
                        median(afterPriming),
                        p90(afterPriming),
                        handledMillis.size());
            } else {
                out.printf(
                        Locale.ROOT,
                        "  %-10s plain    start->first event handled median %6.0f ms p90 %6.0f ms min %6.0f ms (n=%d); "
                                + "start->constructed median %6.0f ms; CPU median %6.0f ms min %6.0f ms%n",
                        function,
                        median(handledMillis),
                        p90(handledMillis),
                        percentile(handledMillis, 0),
                        handledMillis.size(),
                        median(constructedMillis),
                        median(cpuMillis),
                        percentile(cpuMillis, 0));
            }
        }
    }

    private final List<Function> functions;
    private final List<Boolean> modes;
    private final boolean runtimeCds;
    /** Options every measured child gets besides {@link #jvmOptions} (the runtime archive, when modelled). */
    private List<String> archiveOptions = List.of();

    private final Path jarsDir;
    private final List<Path> eventLoaderJars;
    private final List<String> jvmOptions;
    private final int runs;
    private final PrintStream out;

    public ColdStartBench(
            Path jarsDir, List<Path> eventLoaderJars, List<String> jvmOptions, int runs, PrintStream out) {
        this(jarsDir, eventLoaderJars, jvmOptions, runs, FUNCTIONS, List.of(false, true), false, out);
    }

    /**
     * {@code modes}: {@code false} plain, {@code true} with the priming warm-up. {@code runtimeCds}: model the Lambda
     * runtime's class-data-sharing archive of its own classes (see {@link #runtimeArchive}).
     */
    public ColdStartBench(
            Path jarsDir,
            List<Path> eventLoaderJars,
            List<String> jvmOptions,
            int runs,
            List<Function> functions,
            List<Boolean> modes,
            boolean runtimeCds,
            PrintStream out) {
        this.functions = functions;
        this.runtimeCds = runtimeCds;
        this.modes = modes;
        this.jarsDir = jarsDir;
        this.eventLoaderJars = eventLoaderJars;
        this.jvmOptions = jvmOptions;
        this.runs = runs;
        this.out = out;
    }

    public List<Timing> run(Path dataDir, Optional<Path> dynaliteDir, Path workDir)
            throws IOException, InterruptedException {
        out.println("jar sizes (goal <= 15 MiB):");
        for (Function function : functions) {
            Path jar = jar(function);
            out.printf(Locale.ROOT, "  %-10s %6.2f MiB  %s%n", function.name(), Files.size(jar) / 1048576.0, jar);
        }
        Path probeJar = extractProbe(workDir);
        List<Timing> timings = new ArrayList<>();
        try (BenchServe serve = BenchServe.startFresh(dataDir, dynaliteDir)) {
            Map<String, Path> fixtures = prepareFixtures(serve, workDir);
            Map<String, Map<String, String>> environments = environments(serve);
            if (runtimeCds) {
                Path archive = runtimeArchive(probeJar, fixtures, environments, workDir);
                archiveOptions = List.of("-XX:SharedArchiveFile=" + archive);
                out.println("runtime class-data archive (JDK + event deserializer classes, as the Lambda runtime's "
                        + "runtime.jsa): " + archive
                        + String.format(Locale.ROOT, " (%.1f MiB)", Files.size(archive) / 1048576.0));
            }
            out.println("cold starts (fresh JVM per run, " + String.join(" ", jvmOptions) + "), load "
                    + LoadAverage.now() + ":");
            for (Function function : functions) {
                for (boolean primed : modes) {
                    List<Double> handled = new ArrayList<>();
                    List<Double> primedAt = new ArrayList<>();
                    List<Double> constructed = new ArrayList<>();
                    List<Double> cpu = new ArrayList<>();
                    try {
                        for (int run = 0; run < runs; run++) {
                            double[] times = runOnce(
                                    function,
                                    primed,
                                    probeJar,
                                    fixtures.get(function.name()),
                                    environments.get(function.name()));
                            handled.add(times[1]);
                            primedAt.add(times[0]);
                            constructed.add(times[2]);
                            cpu.add(times[3]);
                        }
                    } catch (FunctionFailedException e) {
                        out.printf(
                                Locale.ROOT,
                                "  %-10s %-8s FAILED: %s%n",
                                function.name(),
                                primed ? "primed" : "plain",
                                e.getMessage());
                        continue;
                    }
                    Timing timing = new Timing(function.name(), primed, handled, primedAt, constructed, cpu);
                    timing.print(out);
                    timings.add(timing);
                }
            }
            out.println("load average after: " + LoadAverage.now());
        }
        return timings;
    }

    /** A function's process did not handle its event. */
    static final class FunctionFailedException extends RuntimeException {
        FunctionFailedException(String message) {
            super(message);
        }
    }

    Path jar(Function function) {
        Path jar = jarsDir.resolve("recipediff-" + function.name() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + "; build the Lambda jars first: "
                    + "./recipediff mvn -o -q -pl functions -am -DskipTests package");
        }
        return jar;
    }

    /** {ms to "primed" (or -1), ms to "handled", ms to "constructed"} from process start, and CPU ms at "handled". */
    private double[] runOnce(
            Function function, boolean primed, Path probeJar, Path fixture, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        // "{function}" in an option stands for the function's name (e.g. one class-data archive per function)
        jvmOptions.forEach(option -> command.add(option.replace("{function}", function.name())));
        command.addAll(archiveOptions);
        command.add("-cp");
        command.add(classPath(function, probeJar));
        command.add(ColdStartProbe.class.getName());
        command.add(function.handlerClass());
        command.add(function.eventClass());
        command.add(fixture.toString());
        command.add(primed ? "primed" : "plain");
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
        return new double[] {primedMillis, handledMillis, constructedMillis, cpuMillis};
    }

    /**
     * The child's class path: the function's jar first; with the runtime archive modelled, the runtime's jars and
     * the probe first (an archive's class path must be a prefix of the class path it is used with).
     */
    private String classPath(Function function, Path probeJar) {
        List<String> classPath = new ArrayList<>();
        if (!runtimeCds) {
            classPath.add(jar(function).toString());
        }
        classPath.add(probeJar.toString());
        eventLoaderJars.forEach(jar -> classPath.add(jar.toString()));
        if (runtimeCds) {
            classPath.add(jar(function).toString());
        }
        return String.join(java.io.File.pathSeparator, classPath);
    }

    /**
     * The Lambda Java runtime starts {@code java -Xshare:on -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa},
     * an archive of the JDK's and the runtime's own classes, and loads the function's classes from
     * {@code /var/task} with a class loader of its own. Modelled here: each function handles its event once with
     * {@code -XX:DumpLoadedClassList}; of the merged list, only what such a runtime archive can be expected to hold is
     * dumped into a static archive: the JDK classes of the JDK's own default archive ({@code lib/classlist}, so no
     * TLS, no X.509 — the runtime itself never needs them) and the event deserializer's classes. Nothing of the
     * function's jar (its SDK, Jackson, events, joda-time) is archived: on Lambda those load from {@code /var/task}.
     * Conservative: AWS's real archive may hold more of the JDK.
     */
    private Path runtimeArchive(
            Path probeJar, Map<String, Path> fixtures, Map<String, Map<String, String>> environments, Path workDir)
            throws IOException, InterruptedException {
        java.util.Set<String> jdkDefault = new java.util.HashSet<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("java.home"), "lib", "classlist"))) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
                jdkDefault.add(line.split(" ")[0]);
            }
        }
        java.util.LinkedHashSet<String> classes = new java.util.LinkedHashSet<>();
        for (Function function : functions) {
            Path list = workDir.resolve("classes-" + function.name() + ".lst");
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            jvmOptions.forEach(option -> command.add(option.replace("{function}", function.name())));
            command.add("-XX:DumpLoadedClassList=" + list);
            command.add("-cp");
            command.add(classPath(function, probeJar));
            command.addAll(List.of(
                    ColdStartProbe.class.getName(),
                    function.handlerClass(),
                    function.eventClass(),
                    fixtures.get(function.name()).toString(),
                    "plain"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("classes-" + function.name() + ".out")
                            .toFile());
            builder.environment().putAll(environments.get(function.name()));
            runToEnd(builder, "listing the classes of " + function.name());
            for (String line : Files.readAllLines(list)) {
                // plain class lines only, without their ids (ids are per list; the dump resolves names on its class
                // path)
                String name = line.split(" ")[0];
                if (!line.isBlank()
                        && !line.startsWith("#")
                        && !line.startsWith("@")
                        && (jdkDefault.contains(name)
                                || name.startsWith("com/amazonaws/lambda/thirdparty/")
                                || name.startsWith("com/amazonaws/services/lambda/runtime/serialization/"))) {
                    classes.add(name);
                }
            }
        }
        Path merged = workDir.resolve("runtime.classlist");
        Files.write(merged, classes);
        Path archive = workDir.resolve("runtime.jsa");
        List<String> classPath = new ArrayList<>();
        classPath.add(probeJar.toString());
        eventLoaderJars.forEach(jar -> classPath.add(jar.toString()));
        runToEnd(
                new ProcessBuilder(
                                javaBinary(),
                                "-Xshare:dump",
                                "-XX:SharedClassListFile=" + merged,
                                "-XX:SharedArchiveFile=" + archive,
                                "-cp",
                                String.join(java.io.File.pathSeparator, classPath))
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("runtime-dump.out").toFile()),
                "dumping " + archive);
        return archive;
    }

    private static void runToEnd(ProcessBuilder builder, String what) throws IOException, InterruptedException {
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

    private static String javaBinary() {
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
                java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            if (in == null) {
                throw new IllegalStateException("cannot find " + resource);
            }
            out.putNextEntry(new java.util.jar.JarEntry(resource));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /**
     * The fixtures, made to succeed against this serve: the make they name uploaded (with its real eTag), its
     * recipe created, the API's authorizer context in kitchen {@code default}, the authorizer's token a real one.
     */
    private static Map<String, Path> prepareFixtures(BenchServe serve, Path workDir) throws IOException {
        BenchApi.Answer created = serve.api().createRecipe(resource("samples/recipes/apple-pie.json"));
        if (created.status() != 201) {
            throw new IllegalStateException("creating the fixture recipe answered " + created.status());
        }
        String eTag = serve.s3()
                .putObject(
                        b -> b.bucket(ServeRuntime.BUCKET).key(MAKE_KEY),
                        RequestBody.fromBytes(resource("samples/makes/apple-pie.more-cinnamon-hotter.json")))
                .eTag()
                .replace("\"", "");
        String adminToken = serve.api().token();
        Map<String, Path> fixtures = new HashMap<>();
        for (Function function : FUNCTIONS) {
            ObjectNode event =
                    (ObjectNode) RecipeJson.mapper().readTree(resource("bench/events/" + function.fixture()));
            switch (function.name()) {
                case "watcher" ->
                    ((ObjectNode) event.path("Records").get(0).path("s3").path("object")).put("eTag", eTag);
                case "sender" -> {
                    ObjectNode record = (ObjectNode) event.path("Records").get(0);
                    ObjectNode job = (ObjectNode)
                            RecipeJson.mapper().readTree(record.path("body").asText());
                    job.put("eTag", eTag);
                    record.put("body", RecipeJson.mapper().writeValueAsString(job));
                }
                case "api" ->
                    ((ObjectNode) event.path("requestContext")
                                    .path("authorizer")
                                    .path("lambda"))
                            .put("kitchen", BenchServe.KITCHEN);
                case "authorizer" -> {
                    ((ObjectNode) event.path("headers")).put("authorization", "Bearer " + adminToken);
                    event.putArray("identitySource").add("Bearer " + adminToken);
                }
                default -> throw new IllegalStateException(function.name());
            }
            Path file = workDir.resolve(function.fixture());
            Files.writeString(file, RecipeJson.mapper().writeValueAsString(event));
            fixtures.put(function.name(), file);
        }
        return fixtures;
    }

    /**
     * What the CDK stack sets for each function (infra's RecipediffStack), pointed at serve's emulators; the
     * sender gets its token directly as in one-machine mode instead of a Secrets Manager ARN.
     */
    private static Map<String, Map<String, String>> environments(BenchServe serve) throws IOException {
        Map<String, String> all = serve.endpoints()
                .environment(
                        Optional.of(serve.serviceToken()), serve.endpoints().api())
                .toMap();
        Map<String, Map<String, String>> environments = new HashMap<>();
        for (Function function : FUNCTIONS) {
            Map<String, String> environment = new HashMap<>();
            for (String variable : List.of(
                    FunctionsEnvironment.AWS_REGION,
                    FunctionsEnvironment.AWS_ENDPOINT_URL_S3,
                    FunctionsEnvironment.AWS_ENDPOINT_URL_SQS,
                    FunctionsEnvironment.AWS_ENDPOINT_URL_DYNAMODB)) {
                environment.put(variable, all.get(variable));
            }
            for (String variable : function.handlers().variables()) {
                // one-machine mode: the token itself instead of its Secrets Manager secret
                String local = variable.equals(FunctionsEnvironment.SERVICE_TOKEN_SECRET_ARN)
                        ? FunctionsEnvironment.SERVICE_TOKEN
                        : variable;
                environment.put(local, all.get(local));
            }
            environments.put(function.name(), environment);
        }
        return environments;
    }

    static byte[] resource(String name) {
        try (InputStream in = ColdStartBench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double p90(List<Double> values) {
        return percentile(values, 90);
    }

    static double percentile(List<Double> values, double percentile) {
        long[] nanos =
                values.stream().mapToLong(v -> Math.round(v * 1e6)).sorted().toArray();
        return nanos.length == 0 ? 0 : LatencySummary.rank(nanos, percentile) / 1e6;
    }
}
