package dev.recipediff.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.testing.SampleFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory under {@code golden/} is one case: {@code recipe.json} and {@code make.json} (or, for a sample
 * pair, the samples its {@code sample.properties} names) compared give
 * exactly the differences in {@code expected.json} (compared as JSON: same differences, same order, same fields).
 * Its {@code README.md} line says which rule it covers.
 *
 * <p>To (re)write the expected files after a deliberate change of the output, run with
 * {@code -Dgolden.write=true}, then review every changed file by hand before committing.
 */
class GoldenCasesTest {

    private static final ObjectMapper JSON = RecipeJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    private final RecipeReader reader = new RecipeReader();
    private final MakeComparator comparator = new MakeComparator();

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenCasesTest.class.getResource("/golden").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparingTheMakeWithTheRecipeGivesTheExpectedDifferences(Path dir) throws IOException {
        // given
        Recipe recipe = reader.readRecipe(document(dir, "recipe"));
        Make make = reader.readMake(document(dir, "make"));

        // when
        Comparison comparison = comparator.compare(recipe, make);

        // then
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(comparison.differences()));
        if (Boolean.getBoolean("golden.write")) {
            writeExpected(dir, actual);
        }
        JsonNode expected = JSON.readTree(Files.readAllBytes(dir.resolve("expected.json")));
        assertThat(actual).as("differences of %s", dir.getFileName()).isEqualTo(expected);
        assertThat(comparison.exact()).isEqualTo(expected.isEmpty());
    }

    /** Writes into the source tree (not target/), so that the change shows up in git for review. */
    /** {@code recipe.json} / {@code make.json} of the case, or the sample its {@code sample.properties} names. */
    private static byte[] document(Path dir, String which) throws IOException {
        Path samplePair = dir.resolve("sample.properties");
        if (!Files.exists(samplePair)) {
            return Files.readAllBytes(dir.resolve(which + ".json"));
        }
        Properties pair = new Properties();
        try (var in = Files.newInputStream(samplePair)) {
            pair.load(in);
        }
        return SampleFiles.bytes(pair.getProperty(which));
    }

    private static void writeExpected(Path dir, JsonNode actual) throws IOException {
        Path source =
                Path.of("src/test/resources/golden").resolve(dir.getFileName().toString());
        Files.writeString(source.resolve("expected.json"), JSON.writeValueAsString(actual) + "\n");
    }
}
