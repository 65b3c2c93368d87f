package dev.recipediff.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * The recipediff app synthesized once per test JVM (jsii start-up and synthesis are slow), from a
 * stand-in jar so the infra tests do not depend on the functions build, with the feature flags of
 * {@code infra/cdk.json} (what {@code npx cdk synth} uses). {@link #stack} is the production stack,
 * {@link #staging} the staging one next to it.
 */
final class SynthesizedRecipediff {

    static final String ALARM_EMAIL = "oncall@example.org";

    private static SynthesizedRecipediff instance;

    final Path standInJar;
    final RecipediffStack stack;
    final Template template;
    final Annotations annotations;
    final RecipediffStack staging;
    final Template stagingTemplate;
    final Annotations stagingAnnotations;

    private SynthesizedRecipediff() {
        standInJar = standInJar();
        App app = new App(AppProps.builder().context(cdkJsonContext()).build());
        List<RecipediffStack> stacks = RecipediffApp.define(app, FunctionJars.shared(standInJar), ALARM_EMAIL);
        staging = stacks.get(0);
        stack = stacks.get(1);
        template = Template.fromStack(stack);
        annotations = Annotations.fromStack(stack);
        stagingTemplate = Template.fromStack(staging);
        stagingAnnotations = Annotations.fromStack(staging);
    }

    /** The {@code context} of infra/cdk.json (the tests run in the infra module's directory). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson =
                    new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);
            return (Map<String, Object>) cdkJson.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read infra/cdk.json", e);
        }
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
            try (OutputStream out = Files.newOutputStream(jar);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
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
