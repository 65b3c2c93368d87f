package dev.recipediff.local.cli;

import dev.recipediff.core.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        int status = run("compare", sample("recipes/apple-pie.json"), sample("makes/apple-pie.more-cinnamon-hotter.json"));

        assertThat(status).isEqualTo(CompareCommand.DIFFERENT);
        assertThat(out.toString().lines())
                .anySatisfy(line -> assertThat(line).contains("cinnamon").contains("quantity").contains("→"))
                .anySatisfy(line -> assertThat(line).contains("350").contains("375"))
                .anySatisfy(line -> assertThat(line).contains("45 minutes").contains("50 minutes"))
                .anySatisfy(line -> assertThat(line).startsWith("rating").contains("4.5").contains("5"));
    }

    @Test
    void jsonOutputIsTheDifferencesArrayInTheOriginalSchema() {
        run("compare", "--json", sample("recipes/apple-pie.json"), sample("makes/apple-pie.more-cinnamon-hotter.json"));

        assertThat(out.toString()).startsWith("[")
                .contains("\"recipeField\" : \"ingredient\"")
                .contains("\"ingredientField\" : \"quantity\"")
                .contains("\"recipeId\" : 2");
    }

    @Test
    void anInvalidFileExitsTwoWithEveryProblemOnStderr() {
        int status = run("compare", sample("recipes/apple-pie.json"), sample("invalid/wrong-types.json"));

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        assertThat(err.toString()).contains("/recipeName").contains("/recipeId").contains("/ingredients")
                .contains("/steps");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileExitsTwoAndNamesIt() {
        int status = run("compare", sample("recipes/apple-pie.json"), "/nonexistent/make.json");

        assertThat(status).isEqualTo(CompareCommand.INVALID);
        assertThat(err.toString()).contains("/nonexistent/make.json").contains("no such file");
    }
}
