package dev.recipediff.local.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Lambda Java runtime starts {@code java -Xshare:on -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa},
 * an archive of the JDK's and the runtime's own classes, and loads the function's classes from {@code /var/task}
 * with a class loader of its own. Modelled here ({@code recipediff bench coldstart --runtime-cds}): each function
 * handles its event once with {@code -XX:DumpLoadedClassList}; of the merged list, only what such a runtime
 * archive can be expected to hold is dumped into a static archive: the JDK classes of the JDK's own default
 * archive ({@code lib/classlist}, so no TLS, no X.509 — the runtime itself never needs them) and the event
 * deserializer's classes. Nothing of the function's jar (its SDK, Jackson, events, joda-time) is archived: on
 * Lambda those load from {@code /var/task}. Conservative: AWS's real archive may hold more of the JDK.
 */
final class LambdaRuntimeArchive {

    private LambdaRuntimeArchive() {}

    /** Dumps {@code workDir/runtime.jsa} from the classes {@code functions} load handling their fixtures. */
    static Path dump(
            ColdStartLauncher launcher,
            List<ColdStartFunction> functions,
            Path probeJar,
            Map<String, Path> fixtures,
            Map<String, Map<String, String>> environments,
            Path workDir)
            throws IOException, InterruptedException {
        Set<String> jdkDefault = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("java.home"), "lib", "classlist"))) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
                jdkDefault.add(line.split(" ")[0]);
            }
        }
        Set<String> classes = new LinkedHashSet<>();
        for (ColdStartFunction function : functions) {
            Path list = workDir.resolve("classes-" + function.name() + ".lst");
            List<String> command = new ArrayList<>();
            command.add(ColdStartLauncher.javaBinary());
            command.addAll(launcher.jvmOptions(function));
            command.add("-XX:DumpLoadedClassList=" + list);
            command.addAll(launcher.probeArguments(function, probeJar, fixtures.get(function.name()), "plain"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("classes-" + function.name() + ".out")
                            .toFile());
            builder.environment().putAll(environments.get(function.name()));
            ColdStartLauncher.runToEnd(builder, "listing the classes of " + function.name());
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
        launcher.eventLoaderJars().forEach(jar -> classPath.add(jar.toString()));
        ColdStartLauncher.runToEnd(
                new ProcessBuilder(
                                ColdStartLauncher.javaBinary(),
                                "-Xshare:dump",
                                "-XX:SharedClassListFile=" + merged,
                                "-XX:SharedArchiveFile=" + archive,
                                "-cp",
                                String.join(File.pathSeparator, classPath))
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("runtime-dump.out").toFile()),
                "dumping " + archive);
        return archive;
    }
}
