package dev.recipediff.local.bench.realworld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeJson;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes known-edits makes to a folder: {@code makes/NNNNN.json} (original format) or {@code .jsonld},
 * {@code pairs.tsv} (absolute ORIGINAL&lt;TAB&gt;MAKE, the input of {@code recipediff compare --pairs}) and
 * {@code edits.jsonl} (per make: {@code make}, {@code source}, {@code format}, {@code edits}).
 */
final class MakeFiles implements Closeable {

    private final Path makes;
    private final BufferedWriter pairs;
    private final BufferedWriter edits;
    private int count;

    MakeFiles(Path folder) throws IOException {
        this.makes = Files.createDirectories(folder.resolve("makes"));
        this.pairs = Files.newBufferedWriter(folder.resolve("pairs.tsv"), StandardCharsets.UTF_8);
        this.edits = Files.newBufferedWriter(folder.resolve("edits.jsonl"), StandardCharsets.UTF_8);
    }

    void write(Path original, KnownEditsMake make) throws IOException {
        Path file =
                makes.resolve(String.format("%05d.%s", count++, make.format().equals("jsonld") ? "jsonld" : "json"));
        Files.write(file, make.make());
        pairs.write(original.toAbsolutePath() + "\t" + file.toAbsolutePath());
        pairs.newLine();
        ObjectNode line = JsonNodeFactory.instance
                .objectNode()
                .put("make", file.getFileName().toString())
                .put("source", make.source())
                .put("format", make.format());
        ArrayNode list = line.putArray("edits");
        for (KnownEdit edit : make.edits()) {
            ObjectNode node = list.addObject()
                    .put("kind", edit.kind().name())
                    .put("real", edit.real())
                    .put("recipeIndex", edit.recipeIndex());
            if (edit.recipeName() != null) {
                node.put("recipeName", edit.recipeName());
            }
            if (edit.makeName() != null) {
                node.put("makeName", edit.makeName());
            }
            node.put("detail", edit.detail());
        }
        edits.write(RecipeJson.mapper().writeValueAsString(line));
        edits.newLine();
    }

    @Override
    public void close() throws IOException {
        pairs.close();
        edits.close();
    }
}
