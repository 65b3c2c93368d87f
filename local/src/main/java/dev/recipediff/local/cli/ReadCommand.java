package dev.recipediff.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.Problem;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recipediff read [--json] FILE…}: each document as recipediff understood it, in the original format — or
 * why it was refused. Files are read in one process, in batches on every core, and printed in the order given.
 */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        description = {
            "Print each document as recipediff understood it (original format), or its rejection with "
                    + "every problem (JSON pointer: why).",
            "With --json: one JSON object per line: {file, format, kind, document} or {file, code, problems}.",
            "Exit status: 0 every file read, 2 some file invalid or unreadable."
        })
final class ReadCommand implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "recipe or make files (original JSON or schema.org JSON-LD)")
    List<Path> files;

    @Option(names = "--json", description = "one JSON object per line instead of text")
    boolean json;

    @Spec
    CommandSpec spec;

    private final RecipeReader reader = new RecipeReader();
    private final RecipeWriter writer = new RecipeWriter();
    private final ObjectWriter compact = RecipeJson.mapper().writer();
    private final ObjectWriter indented = RecipeJson.mapper().writer(SerializationFeature.INDENT_OUTPUT);

    /** Files read at once, on every core; their output is kept until the batch is printed in order. */
    private static final int BATCH = 256;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allRead = true;
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<ObjectNode> lines = batch.parallelStream().map(this::read).toList();
            List<String> printed = lines.parallelStream().map(this::render).toList();
            for (int i = 0; i < lines.size(); i++) {
                allRead &= !lines.get(i).has("problems");
                out.print(printed.get(i));
            }
        }
        out.flush();
        return allRead ? CompareCommand.EXACT : CompareCommand.INVALID;
    }

    private String render(ObjectNode line) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            if (json) {
                out.println(compact.writeValueAsString(line));
            } else {
                printText(out, line);
            }
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The file's line: {file, format, kind, document} or {file, code, problems}. */
    private ObjectNode read(Path file) {
        ObjectNode line = RecipeJson.mapper().createObjectNode();
        line.put("file", file.toString());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return rejected(line, "unreadable", List.of(new Problem("", "no such file")));
        } catch (IOException e) {
            return rejected(line, "unreadable", List.of(new Problem("", "cannot be read (" + e.getMessage() + ")")));
        }
        try {
            RecipeReader.Document document = reader.readDocument(bytes);
            line.put("format", document.format() == RecipeReader.Format.SCHEMA_ORG ? "schema.org" : "original");
            line.put("kind", document.isMake() ? "make" : "recipe");
            line.set(
                    "document",
                    document.isMake()
                            ? writer.toJson(document.make())
                            : writer.toJson(document.make().content()));
            return line;
        } catch (InvalidDocumentException e) {
            return rejected(line, e.code(), e.problems());
        }
    }

    private static ObjectNode rejected(ObjectNode line, String code, List<Problem> problems) {
        line.put("code", code);
        ArrayNode list = line.putArray("problems");
        for (Problem problem : problems) {
            list.addObject().put("pointer", problem.pointer()).put("problem", problem.problem());
        }
        return line;
    }

    private void printText(PrintWriter out, ObjectNode line) throws JsonProcessingException {
        if (line.has("problems")) {
            out.println(
                    line.get("file").asText() + ": refused (" + line.get("code").asText() + ")");
            for (var problem : line.get("problems")) {
                String pointer = problem.get("pointer").asText();
                out.println("  " + (pointer.isEmpty() ? "(document)" : pointer) + ": "
                        + problem.get("problem").asText());
            }
        } else {
            out.println(line.get("file").asText() + ": " + line.get("kind").asText() + " ("
                    + line.get("format").asText().toLowerCase(Locale.ROOT) + ")");
            out.println(indented.writeValueAsString(line.get("document")));
        }
    }
}
