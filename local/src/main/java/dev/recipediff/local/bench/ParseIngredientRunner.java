package dev.recipediff.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * npm {@code parse-ingredient} (a devDependency of the repository's package.json) run by node over a batch of
 * lines, through the script {@code parse-ingredient-lines.js} shipped with this class. Its {@code description}
 * up to the first comma is taken as the name (the rest is preparation, as recipediff splits it).
 */
public final class ParseIngredientRunner {

    private static final String SCRIPT = "parse-ingredient-lines.js";
    private static final long TIMEOUT_SECONDS = 600;

    private final Path nodeModules;

    private ParseIngredientRunner(Path nodeModules) {
        this.nodeModules = nodeModules;
    }

    /**
     * The runner when {@code node} is on the PATH and {@code node_modules/parse-ingredient} is found in
     * {@code start} or one of its parents; empty otherwise.
     */
    public static Optional<ParseIngredientRunner> find(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path modules = dir.resolve("node_modules");
            if (Files.isDirectory(modules.resolve("parse-ingredient"))) {
                return nodeOnPath() ? Optional.of(new ParseIngredientRunner(modules)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean nodeOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return true;
            }
        }
        return false;
    }

    /** parse-ingredient's reading of every line, in order. */
    public List<LineQuality.Reading> read(List<String> lines) {
        try {
            Path script = Files.createTempFile("recipediff-parse-ingredient-", ".js");
            try {
                try (InputStream in = ParseIngredientRunner.class.getResourceAsStream(SCRIPT)) {
                    if (in == null) {
                        throw new IllegalStateException("resource " + SCRIPT + " missing from the class path");
                    }
                    Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return run(script, lines);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<LineQuality.Reading> run(Path script, List<String> lines) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder("node", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", nodeModules.toString());
        Process node = builder.start();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (BufferedWriter out =
                    new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String line : lines) {
                    out.write(line.replace('\n', ' ').replace('\r', ' '));
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ObjectMapper mapper = new ObjectMapper();
        List<LineQuality.Reading> readings = new ArrayList<>(lines.size());
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String json;
            while ((json = in.readLine()) != null) {
                readings.add(reading(mapper.readTree(json)));
            }
        }
        writer.join();
        try {
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IOException("parse-ingredient did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.destroyForcibly();
            throw new IOException("interrupted while waiting for parse-ingredient", e);
        }
        if (node.exitValue() != 0) {
            throw new IOException("parse-ingredient's node script exited with " + node.exitValue());
        }
        return readings;
    }

    private static LineQuality.Reading reading(JsonNode json) {
        Double quantity =
                json.path("quantity").isNumber() ? json.path("quantity").asDouble() : null;
        String unit = json.path("unitOfMeasureID").isTextual()
                ? json.path("unitOfMeasureID").asText()
                : null;
        String description =
                json.path("description").isTextual() ? json.path("description").asText() : "";
        int comma = description.indexOf(',');
        String name = (comma >= 0 ? description.substring(0, comma) : description).strip();
        return new LineQuality.Reading(quantity, unit == null ? List.of() : List.of(unit), name);
    }
}
