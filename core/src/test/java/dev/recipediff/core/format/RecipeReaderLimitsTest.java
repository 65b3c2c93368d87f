package dev.recipediff.core.format;

import static dev.recipediff.core.format.Documents.json;
import static dev.recipediff.core.format.Documents.recipeWith;
import static dev.recipediff.core.format.Documents.rejectionOfRecipe;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One test per limit of issue 2 §2: each has its own message and a pointer. */
class RecipeReaderLimitsTest {

    private final RecipeReader reader = new RecipeReader();

    @Test
    void aDocumentOver1MiBIsTooLarge() {
        byte[] document = new byte[DocumentLimits.MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(document, (byte) ' ');

        var rejection = rejectionOfRecipe(document);

        assertThat(rejection.code()).isEqualTo("too_large");
        assertThat(rejection.problems())
                .containsExactly(new Problem("", "document too large: 1048577 bytes (at most 1048576)"));
    }

    @Test
    void aDocumentOfExactly1MiBIsRead() {
        byte[] valid = recipeWith("", "");
        byte[] document = Arrays.copyOf(valid, DocumentLimits.MAX_DOCUMENT_BYTES);
        Arrays.fill(document, valid.length, document.length, (byte) ' ');

        assertThat(reader.readRecipe(document).recipeName()).isEqualTo("Test");
    }

    @Test
    void moreThan500Ingredients() {
        var rejection = rejectionOfRecipe(recipeWith(repeat("{'ingredientName': 'salt'}", 501), ""));

        assertThat(rejection.problems())
                .containsExactly(new Problem("/ingredients", "too many ingredients: 501 (at most 500)"));
    }

    @Test
    void exactly500IngredientsAnd500StepsAreRead() {
        var recipe = reader.readRecipe(
                recipeWith(repeat("{'ingredientName': 'salt'}", 500), repeat("{'stepText': 'stir'}", 500)));

        assertThat(recipe.ingredients()).hasSize(500);
        assertThat(recipe.steps()).hasSize(500);
    }

    @Test
    void moreThan500Steps() {
        var rejection = rejectionOfRecipe(recipeWith("", repeat("{'stepText': 'stir'}", 501)));

        assertThat(rejection.problems()).containsExactly(new Problem("/steps", "too many steps: 501 (at most 500)"));
    }

    @Test
    void aStringOver10000Characters() {
        var rejection =
                rejectionOfRecipe(recipeWith("", "{'stepText': 'ok'}, {'stepText': '" + "a".repeat(10_001) + "'}"));

        assertThat(rejection.problems())
                .containsExactly(new Problem("/steps/1/stepText", "string longer than 10000 characters (10001)"));
    }

    @Test
    void aStringOfExactly10000CharactersIsRead() {
        var recipe = reader.readRecipe(recipeWith("", "{'stepText': '" + "a".repeat(10_000) + "'}"));

        assertThat(recipe.steps().get(0).stepText()).hasSize(10_000);
    }

    @Test
    void aKeyOver10000Characters() {
        var rejection = rejectionOfRecipe(json(
                "{'recipeName': 'T', 'recipeId': 1, 'ingredients': [], 'steps': [], '" + "k".repeat(10_001) + "': 1}"));

        assertThat(rejection.problems())
                .containsExactly(new Problem("/" + "k".repeat(40) + "…", "key longer than 10000 characters"));
    }

    @Test
    void nestingDeeperThan32Levels() {
        // the root object is level 1, /x level 2: the 32nd nested array, /x + 31 × /0, is level 33
        var rejection =
                rejectionOfRecipe(json("{'recipeName': 'T', 'recipeId': 1, 'ingredients': [], 'steps': [], 'x': "
                        + "[".repeat(32) + "]".repeat(32) + "}"));

        assertThat(rejection.code()).isEqualTo("invalid_document");
        assertThat(rejection.problems())
                .containsExactly(new Problem("/x" + "/0".repeat(31), "nesting deeper than 32 levels"));
    }

    @Test
    void nestingOfExactly32LevelsIsRead() {
        var recipe = reader.readRecipe(json("{'recipeName': 'T', 'recipeId': 1, 'ingredients': [], 'steps': [], 'x': "
                + "[".repeat(31) + "]".repeat(31) + "}"));

        assertThat(recipe.recipeName()).isEqualTo("T");
    }

    @Test
    void nestingFarDeeperThanTheParserAllowsGetsTheSameMessage() {
        var rejection = rejectionOfRecipe(
                json("{'recipeName': 'T', 'recipeId': -1, 'x': " + "[".repeat(10_000) + "]".repeat(10_000) + "}"));

        assertThat(rejection.code()).isEqualTo("invalid_document");
        assertThat(rejection.problems()).contains(new Problem("/x" + "/0".repeat(31), "nesting deeper than 32 levels"));
    }

    @Test
    void aNumberTooLargeForADoubleIsNotFinite() {
        var rejection = rejectionOfRecipe(recipeWith("{'ingredientName': 'salt', 'quantity': 1e400}", ""));

        assertThat(rejection.problems())
                .containsExactly(new Problem("/ingredients/0/quantity", "must be a finite number"));
    }

    @Test
    void NaN_is_not_json() {
        var rejection = rejectionOfRecipe(recipeWith("{'ingredientName': 'salt', 'quantity': NaN}", ""));

        assertThat(rejection.code()).isEqualTo("invalid_json");
        assertThat(rejection.problems()).singleElement().satisfies(problem -> assertThat(problem.pointer())
                .isEqualTo("/ingredients/0/quantity"));
    }

    @Test
    void aNumberLongerThan100Characters() {
        var rejection =
                rejectionOfRecipe(recipeWith("{'ingredientName': 'salt', 'quantity': " + "1".repeat(101) + "}", ""));

        assertThat(rejection.code()).isEqualTo("invalid_document");
        assertThat(rejection.problems())
                .containsExactly(new Problem("/ingredients/0/quantity", "number longer than 100 characters"));
    }

    @Test
    void malformedUtf8IsReportedWithItsByteOffset() {
        byte[] document = recipeWith("{'ingredientName': 'caf__'}", "");
        int at = new String(document, StandardCharsets.ISO_8859_1).indexOf("__");
        document[at] = (byte) 0xC3;
        document[at + 1] = (byte) 0x28;

        var rejection = rejectionOfRecipe(document);

        assertThat(rejection.code()).isEqualTo("invalid_json");
        assertThat(rejection.problems())
                .containsExactly(new Problem("", "not valid UTF-8: malformed byte sequence at byte offset " + at));
    }

    @Test
    void utf16IsNotGuessed() {
        var rejection = rejectionOfRecipe(
                new String(recipeWith("", ""), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE));

        assertThat(rejection.code()).isEqualTo("invalid_json");
    }

    @Test
    void aUtf8ByteOrderMarkIsTolerated() {
        byte[] valid = recipeWith("", "");
        byte[] withBom = new byte[valid.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(valid, 0, withBom, 3, valid.length);

        assertThat(reader.readRecipe(withBom).recipeName()).isEqualTo("Test");
    }

    @Test
    void anUnpairedSurrogateEscape() {
        var rejection = rejectionOfRecipe(recipeWith("{'ingredientName': 'x\\ud800y'}", ""));

        assertThat(rejection.problems())
                .containsExactly(new Problem(
                        "/ingredients/0/ingredientName",
                        "not valid Unicode text: unpaired surrogate (\\uD800-\\uDFFF)"));
    }

    @Test
    void everyDuplicateKeyIsReported() {
        var rejection = rejectionOfRecipe(json("{'recipeName': 'T', 'recipeName': 'U', 'recipeId': 1, "
                + "'ingredients': [{'ingredientName': 'a', 'quantity': 1, 'quantity': 2}], 'steps': []}"));

        assertThat(rejection.code()).isEqualTo("invalid_document");
        assertThat(rejection.problems())
                .containsExactly(
                        new Problem("/recipeName", "duplicate key: this key appears more than once in its object"),
                        new Problem(
                                "/ingredients/0/quantity",
                                "duplicate key: this key appears more than once in its object"));
    }

    @Test
    void limitsAndFieldProblemsAreReportedTogether() {
        var rejection = rejectionOfRecipe(json("{'recipeName': 'T', 'recipeName': 'U', 'ingredients': "
                + "[{'ingredientName': 'a', 'quantity': -1}], 'steps': [{'stepText': '" + "s".repeat(10_001) + "'}]}"));

        assertThat(rejection.problems())
                .extracting(Problem::pointer)
                .containsExactly("/steps/0/stepText", "/recipeName", "/recipeId", "/ingredients/0/quantity");
    }

    @Test
    void anEmptyDocument() {
        assertThat(rejectionOfRecipe(new byte[0]).problems()).containsExactly(new Problem("", "the document is empty"));
        assertThat(rejectionOfRecipe(json("  \n")).code()).isEqualTo("invalid_json");
    }

    @Test
    void contentAfterTheDocument() {
        var rejection =
                rejectionOfRecipe(json("{'recipeName': 'T', 'recipeId': 1, 'ingredients': [], 'steps': []} {}"));

        assertThat(rejection.code()).isEqualTo("invalid_json");
        assertThat(rejection.problems()).singleElement().satisfies(problem -> assertThat(problem.problem())
                .contains("after the end of the document"));
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() {
        var rejection = rejectionOfRecipe(json("{'recipeName': 'T',\n 'recipeId': 1,\n 'ingredients': [}"));

        assertThat(rejection.code()).isEqualTo("invalid_json");
        assertThat(rejection.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo("/ingredients");
            assertThat(problem.problem()).startsWith("invalid JSON (line 3, column 18)");
        });
    }

    private static String repeat(String element, int times) {
        return IntStream.range(0, times).mapToObj(i -> element).collect(Collectors.joining(","));
    }
}
