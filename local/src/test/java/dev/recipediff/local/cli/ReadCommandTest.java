package dev.recipediff.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code recipediff read}: each document as recipediff understood it, or why it was refused. */
class ReadCommandTest {

    private static final String WEB_RECIPE =
            "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"WebPage\"},"
                    + " {\"@type\": [\"Recipe\"], \"name\": \"Fast &amp; Easy Soup\", \"recipeYield\": \"4-6\","
                    + " \"recipeIngredient\": [\"1 onion\", \"2 cups stock\"],"
                    + " \"recipeInstructions\": \"1. Chop the onion.\n2. Simmer in the stock.\"}]}";
    private static final String MAKE =
            "{\"recipeName\": \"Soup\", \"recipeId\": 3, \"servings\": 4, \"madeBy\": \"ana\","
                    + " \"ingredients\": [], \"steps\": []}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = RecipediffCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8)
                .toString();
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            lines.add(RecipeJson.mapper().readTree(line));
        }
        return lines;
    }

    @Test
    void aWebRecipeIsPrintedInTheOriginalFormatAsUnderstood() throws IOException {
        String soup = file("soup.jsonld", WEB_RECIPE);

        int status = run("read", "--json", soup);

        assertThat(status).isZero();
        JsonNode line = jsonLines().getFirst();
        assertThat(line.get("file").asText()).isEqualTo(soup);
        assertThat(line.get("format").asText()).isEqualTo("schema.org");
        assertThat(line.get("kind").asText()).isEqualTo("recipe");
        assertThat(line.at("/document/recipeName").asText()).isEqualTo("Fast & Easy Soup");
        assertThat(line.at("/document/servings").asInt()).isEqualTo(4);
        assertThat(line.at("/document/yieldText").asText()).isEqualTo("4-6");
        assertThat(line.at("/document/steps/1/stepText").asText()).isEqualTo("Simmer in the stock.");
    }

    @Test
    void everyFileGetsOneLineInTheOrderGivenAndARefusalMakesTheExitTwo() throws IOException {
        String soup = file("soup.jsonld", WEB_RECIPE);
        String make = file("make.json", MAKE);
        String broken = file("broken.json", "{\"recipeName\": \"Soup\", \"recipeId\": -1");

        int status = run(
                "read",
                "--json",
                soup,
                make,
                broken,
                dir.resolve("missing.json").toString());

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        List<JsonNode> lines = jsonLines();
        assertThat(lines)
                .extracting(line -> line.get("file").asText())
                .containsExactly(soup, make, broken, dir.resolve("missing.json").toString());
        assertThat(lines.get(1).get("kind").asText()).isEqualTo("make");
        assertThat(lines.get(1).at("/document/madeBy").asText()).isEqualTo("ana");
        assertThat(lines.get(2).get("code").asText()).isEqualTo("invalid_json");
        assertThat(lines.get(2).at("/problems/0/problem").asText()).contains("truncated");
        assertThat(lines.get(3).get("code").asText()).isEqualTo("unreadable");
        assertThat(lines.get(3).at("/problems/0/problem").asText()).isEqualTo("no such file");
    }

    @Test
    void manyFilesReadOnEveryCoreArePrintedInTheOrderGiven() throws IOException {
        List<String> given = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            given.add(i % 7 == 0 ? file(i + ".json", "{\"recipeId\": ") : file(i + ".jsonld", WEB_RECIPE));
        }
        List<String> args = new java.util.ArrayList<>(List.of("read", "--json"));
        args.addAll(given);

        int status = run(args.toArray(String[]::new));

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        List<JsonNode> lines = jsonLines();
        assertThat(lines).extracting(line -> line.get("file").asText()).containsExactlyElementsOf(given);
        assertThat(lines).filteredOn(line -> line.has("problems")).hasSize(86).allSatisfy(line -> assertThat(
                        line.get("file").asText())
                .endsWith(".json"));
    }

    @Test
    void theTextFormShowsTheDocumentOrEachProblemWithItsPointer() throws IOException {
        String soup = file("soup.jsonld", WEB_RECIPE);
        String wrong = file(
                "wrong.json",
                "{\"recipeName\": \"\", \"recipeId\": 1, \"servings\": 2, \"ingredients\": []," + " \"steps\": []}");

        int status = run("read", soup, wrong);

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        assertThat(out.toString())
                .contains(soup + ": recipe (schema.org)")
                .contains("\"recipeName\" : \"Fast & Easy Soup\"")
                .contains(wrong + ": refused (invalid_document)")
                .contains("  /recipeName: must not be blank");
    }

    @Test
    void theOutputIsTheSameOnEveryRun() throws IOException {
        String soup = file("soup.jsonld", WEB_RECIPE);
        run("read", "--json", soup);
        String first = out.toString();
        out.getBuffer().setLength(0);

        run("read", "--json", soup);

        assertThat(out.toString()).isEqualTo(first);
    }
}
