package dev.recipediff.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionJarsTest {

    @TempDir
    Path dir;

    @Test
    void oneSharedJarServesAllFourFunctions() throws IOException {
        Path shared = Files.createFile(dir.resolve("functions.jar"));

        FunctionJars jars = FunctionJars.fromContext(Map.of("functionsJar", shared.toString())::get);

        assertThat(jars).isEqualTo(FunctionJars.shared(shared));
    }

    @Test
    void aPerFunctionJarOverridesTheSharedOne() throws IOException {
        Path shared = Files.createFile(dir.resolve("functions.jar"));
        Path authorizer = Files.createFile(dir.resolve("authorizer.jar"));
        Map<String, Object> context =
                new HashMap<>(Map.of("functionsJar", shared.toString(), "authorizerJar", authorizer.toString()));

        FunctionJars jars = FunctionJars.fromContext(context::get);

        assertThat(jars.authorizer()).isEqualTo(authorizer);
        assertThat(jars.api()).isEqualTo(shared);
    }

    @Test
    void theBuildDirectoryProvidesOneJarPerFunction() throws IOException {
        for (String function : new String[] {"api", "authorizer", "watcher", "sender"}) {
            Files.createFile(dir.resolve("recipediff-" + function + ".jar"));
        }

        FunctionJars jars = FunctionJars.fromContext(Map.of("lambdaJars", dir.toString())::get);

        assertThat(jars)
                .isEqualTo(new FunctionJars(
                        dir.resolve("recipediff-api.jar"),
                        dir.resolve("recipediff-authorizer.jar"),
                        dir.resolve("recipediff-watcher.jar"),
                        dir.resolve("recipediff-sender.jar")));
    }

    @Test
    void aSharedJarOnTheCommandLineWinsOverTheBuildDirectory() throws IOException {
        Path shared = Files.createFile(dir.resolve("functions.jar"));

        FunctionJars jars = FunctionJars.fromContext(
                Map.of("lambdaJars", dir.resolve("elsewhere").toString(), "functionsJar", shared.toString())::get);

        assertThat(jars).isEqualTo(FunctionJars.shared(shared));
    }

    @Test
    void noJarInTheContextIsAClearError() {
        assertThatThrownBy(() -> FunctionJars.fromContext(Map.<String, Object>of()::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-c lambdaJars=")
                .hasMessageContaining("-c functionsJar=");
    }

    @Test
    void aJarThatDoesNotExistIsAClearError() {
        Path missing = dir.resolve("missing.jar");

        assertThatThrownBy(() -> FunctionJars.fromContext(Map.of("functionsJar", missing.toString())::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining(missing.toString());
    }
}
