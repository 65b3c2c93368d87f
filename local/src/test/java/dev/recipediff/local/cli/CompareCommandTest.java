package dev.recipediff.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.testing.SampleFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String sample(String path) {
        return SampleFiles.path(path).toString();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new RecipediffCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anExactMakeExitsZeroAndSaysSo() {
        int status = run("compare", sample("recipes/apple-pie.json"), sample("makes/apple-pie.exact.json"));

        assertThat(status).isEqualTo(CompareCommand.EXACT);
        assertThat(out.toString()).contains("exact");
    }

    @Test
    void aChangedMakePrintsOneLinePerChangeAndExitsOne() {
        int status =
                run("compare", sample("recipes/apple-pie.json"), sample("makes/apple-pie.more-cinnamon-hotter.json"));

        assertThat(status).isEqualTo(CompareCommand.DIFFERENT);
        assertThat(out.toString().lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("cinnamon")
                        .contains("quantity")
                        .contains("→"))
                .anySatisfy(line -> assertThat(line).contains("350").contains("375"))
                .anySatisfy(line -> assertThat(line).contains("45 minutes").contains("50 minutes"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("rating").contains("4.5").contains("5"));
    }

    @Test
    void jsonOutputIsTheDifferencesArrayInTheOriginalSchema() {
        run("compare", "--json", sample("recipes/apple-pie.json"), sample("makes/apple-pie.more-cinnamon-hotter.json"));

        assertThat(out.toString())
                .startsWith("[")
                .contains("\"recipeField\" : \"ingredient\"")
                .contains("\"ingredientField\" : \"quantity\"")
                .contains("\"recipeId\" : 2");
    }

    @Test
    void anInvalidFileExitsTwoWithEveryProblemOnStderr() {
        int status = run("compare", sample("recipes/apple-pie.json"), sample("invalid/wrong-types.json"));

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        assertThat(err.toString())
                .contains("/recipeName")
                .contains("/recipeId")
                .contains("/ingredients")
                .contains("/steps");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileExitsTwoAndNamesIt() {
        int status = run("compare", sample("recipes/apple-pie.json"), "/nonexistent/make.json");

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        assertThat(err.toString()).contains("/nonexistent/make.json").contains("no such file");
    }

    @Test
    void pairsGiveOneJsonLinePerPairInInputOrder(@TempDir Path dir) throws IOException {
        Path pairs = dir.resolve("pairs.tsv");
        Files.writeString(
                pairs,
                String.join(
                        "\n",
                        sample("recipes/apple-pie.json") + "\t" + sample("makes/apple-pie.exact.json"),
                        "# a comment",
                        sample("recipes/apple-pie.json") + "\t" + sample("makes/apple-pie.more-cinnamon-hotter.json"),
                        ""));

        int status = run("compare", "--pairs", pairs.toString());

        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("original").asText()).endsWith("apple-pie.json");
        assertThat(lines.get(0).get("make").asText()).endsWith("apple-pie.exact.json");
        assertThat(lines.get(0).get("exit").asInt()).isEqualTo(CompareCommand.EXACT);
        assertThat(lines.get(0).get("differences")).isEmpty();
        assertThat(lines.get(1).get("exit").asInt()).isEqualTo(CompareCommand.DIFFERENT);
        assertThat(lines.get(1).get("differences").get(0).get("recipeField").asText())
                .isNotEmpty();
        assertThat(status).isEqualTo(CompareCommand.DIFFERENT);
    }

    @Test
    void anInvalidPairGivesItsProblemsAndExitTwoWhileTheOthersAreCompared(@TempDir Path dir) throws IOException {
        Path pairs = dir.resolve("pairs.tsv");
        Files.writeString(
                pairs,
                String.join(
                        "\n",
                        sample("recipes/apple-pie.json") + "\t" + sample("invalid/wrong-types.json"),
                        "no tab on this line",
                        sample("recipes/apple-pie.json") + "\t" + sample("makes/apple-pie.exact.json")));

        int status = run("compare", "--pairs", pairs.toString());

        List<JsonNode> lines = jsonLines();
        assertThat(lines).extracting(line -> line.get("exit").asInt()).containsExactly(2, 2, 0);
        assertThat(lines.get(0).get("problems")).anySatisfy(problem -> {
            assertThat(problem.get("file").asText()).endsWith("wrong-types.json");
            assertThat(problem.get("pointer").asText()).startsWith("/");
        });
        assertThat(lines.get(1).get("problems").get(0).get("problem").asText())
                .isEqualTo("line 2: expected ORIGINAL<TAB>MAKE");
        assertThat(status).isEqualTo(CompareCommand.INVALID);
    }

    @Test
    void aMissingPairsFileExitsTwoAndNamesIt() {
        int status = run("compare", "--pairs", "/nonexistent/pairs.tsv");

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        assertThat(err.toString()).contains("/nonexistent/pairs.tsv").contains("no such file");
    }

    private List<JsonNode> jsonLines() {
        return out.toString()
                .lines()
                .map(line -> {
                    try {
                        return RecipeJson.mapper().readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
