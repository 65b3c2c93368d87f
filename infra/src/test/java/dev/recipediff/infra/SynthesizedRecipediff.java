package dev.recipediff.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * The recipediff app synthesized once per test JVM (jsii start-up and synthesis are slow), from a
 * stand-in jar so the infra tests do not depend on the functions build.
 */
final class SynthesizedRecipediff {

    static final String ALARM_EMAIL = "oncall@example.org";

    private static SynthesizedRecipediff instance;

    final Path standInJar;
    final RecipediffStack stack;
    final Template template;
    final Annotations annotations;

    private SynthesizedRecipediff() {
        standInJar = standInJar();
        App app = new App();
        stack = RecipediffApp.define(app, FunctionJars.shared(standInJar), ALARM_EMAIL);
        template = Template.fromStack(stack);
        annotations = Annotations.fromStack(stack);
    }

    static synchronized SynthesizedRecipediff get() {
        if (instance == null) {
            instance = new SynthesizedRecipediff();
        }
        return instance;
    }

    private static Path standInJar() {
        try {
            Path dir = Files.createTempDirectory("recipediff-infra-test");
            Path jar = dir.resolve("stand-in-functions.jar");
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write("stand-in for the shaded functions jar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            jar.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
