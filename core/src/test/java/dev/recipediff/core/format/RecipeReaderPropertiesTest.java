package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.recipediff.core.model.Ingredient;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.core.model.Step;
import dev.recipediff.core.testing.SampleFiles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties of reading and writing: nothing but {@link InvalidDocumentException} escapes; write→read is identity. */
class RecipeReaderPropertiesTest {

    private static final List<String> SAMPLES = List.of(
            "recipes/apple-pie.json",
            "recipes/pancakes.json",
            "recipes/shakshuka.jsonld",
            "makes/pancakes.no-buttermilk.json",
            "makes/pancakes.doubled.json",
            "invalid/truncated.json",
            "invalid/wrong-types.json");

    private final RecipeReader reader = new RecipeReader();
    private final RecipeWriter writer = new RecipeWriter();

    @Property(tries = 1000)
    void arbitraryBytesAreReadOrRejectedWithAnInvalidDocumentException(@ForAll @Size(max = 300) byte[] bytes) {
        assertOnlyRejectedCleanly(bytes);
    }

    @Property(tries = 1000)
    void jsonLikeTextIsReadOrRejectedWithAnInvalidDocumentException(@ForAll("jsonLikeText") String text) {
        assertOnlyRejectedCleanly(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void mutatedValidDocumentsAreReadOrRejectedWithAnInvalidDocumentException(@ForAll("mutatedSamples") byte[] bytes) {
        assertOnlyRejectedCleanly(bytes);
    }

    @Property(tries = 300)
    void aWrittenRecipeReadsBackEqual(@ForAll("recipes") Recipe recipe) {
        assertThat(reader.readRecipe(writer.write(recipe))).isEqualTo(recipe);
    }

    @Property(tries = 300)
    void aWrittenMakeReadsBackEqual(@ForAll("makes") Make make) {
        assertThat(reader.readMake(writer.write(make))).isEqualTo(make);
    }

    private void assertOnlyRejectedCleanly(byte[] bytes) {
        for (boolean asMake : new boolean[] {false, true}) {
            Throwable thrown = catchThrowable(() -> {
                if (asMake) {
                    reader.readMake(bytes);
                } else {
                    reader.readRecipe(bytes);
                }
            });
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(InvalidDocumentException.class);
                InvalidDocumentException rejection = (InvalidDocumentException) thrown;
                assertThat(rejection.code()).isIn("too_large", "invalid_json", "invalid_document");
                assertThat(rejection.problems()).isNotEmpty();
            }
        }
    }

    @Provide
    Arbitrary<String> jsonLikeText() {
        Arbitrary<String> tokens = Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "\"recipeName\"",
                "\"recipeId\"",
                "\"ingredients\"",
                "\"steps\"",
                "\"quantity\"",
                "\"ingredientName\"",
                "\"stepText\"",
                "\"@type\"",
                "\"Recipe\"",
                "\"@graph\"",
                "\"recipeIngredient\"",
                "\"recipeInstructions\"",
                "\"itemListElement\"",
                "\"HowToSection\"",
                "\"madeAt\"",
                "\"2026-11-29\"",
                "\"1 1/2 cups ½ flour, sifted\"",
                "0",
                "-0",
                "2.0",
                "-1",
                "1e400",
                "1e-400",
                "99999999999999999999",
                "true",
                "null",
                "\"\\ud800\"",
                "\"\\u0000\"",
                " ",
                "\n");
        return tokens.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        Arbitrary<byte[]> sample = Arbitraries.of(SAMPLES).map(SampleFiles::bytes);
        return Combinators.combine(
                        sample,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 20),
                        Arbitraries.bytes())
                .as(RecipeReaderPropertiesTest::mutate);
    }

    private static byte[] mutate(byte[] sample, int kind, double where, int length, byte value) {
        int at = (int) (where * sample.length);
        return switch (kind) {
            case 0 -> { // overwrite one byte
                byte[] copy = sample.clone();
                copy[Math.min(at, copy.length - 1)] = value;
                yield copy;
            }
            case 1 -> Arrays.copyOf(sample, at); // truncate
            case 2 -> { // delete a range
                int end = Math.min(sample.length, at + length);
                byte[] copy = new byte[sample.length - (end - at)];
                System.arraycopy(sample, 0, copy, 0, at);
                System.arraycopy(sample, end, copy, at, sample.length - end);
                yield copy;
            }
            default -> { // insert the same byte a few times
                byte[] copy = new byte[sample.length + length];
                System.arraycopy(sample, 0, copy, 0, at);
                Arrays.fill(copy, at, at + length, value);
                System.arraycopy(sample, at, copy, at + length, sample.length - at);
                yield copy;
            }
        };
    }

    @Provide
    Arbitrary<Recipe> recipes() {
        Arbitrary<Long> recipeIds = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<Double> ratings =
                Arbitraries.doubles().between(0, 5).ofScale(2).injectNull(0.3);
        Arbitrary<Double> servings =
                Arbitraries.doubles().between(0.5, 100).ofScale(1).injectNull(0.3);
        Arbitrary<List<Ingredient>> ingredients = ingredient()
                .list()
                .ofMaxSize(15)
                .flatMap(list -> Arbitraries.of(true, false).map(withIds -> numberIngredients(list, withIds)));
        Arbitrary<List<Step>> steps = Combinators.combine(readable(), readable().injectNull(0.5))
                .as((text, section) -> new Step(null, text, section))
                .list()
                .ofMaxSize(10)
                .flatMap(list -> Arbitraries.of(true, false).map(withIds -> IntStream.range(0, list.size())
                        .mapToObj(i -> new Step(
                                withIds ? (long) i + 1 : null,
                                list.get(i).stepText(),
                                list.get(i).section()))
                        .toList()));
        return Combinators.combine(
                        recipeIds, readable(), ratings, servings, readable().injectNull(0.5), ingredients, steps)
                .as(Recipe::new);
    }

    @Provide
    Arbitrary<Make> makes() {
        Arbitrary<OffsetDateTime> madeAt = Combinators.combine(
                        Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L),
                        Arbitraries.integers().between(0, 999_999_999),
                        Arbitraries.integers().between(-18 * 3600, 18 * 3600))
                .as((seconds, nanos, offset) -> OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(offset)))
                .injectNull(0.2);
        return Combinators.combine(
                        recipes(), madeAt, text().injectNull(0.3), anyText().injectNull(0.3))
                .as(Make::new);
    }

    private static List<Ingredient> numberIngredients(List<Ingredient> ingredients, boolean withIds) {
        List<Ingredient> numbered = new ArrayList<>();
        for (int i = 0; i < ingredients.size(); i++) {
            Ingredient it = ingredients.get(i);
            numbered.add(new Ingredient(
                    withIds ? (long) i * 7 + 1 : null,
                    it.quantity(),
                    it.measurement(),
                    it.ingredientName(),
                    it.preparation(),
                    it.text()));
        }
        return numbered;
    }

    private static Arbitrary<Ingredient> ingredient() {
        Arbitrary<Double> quantities = Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 1000).map(Integer::doubleValue),
                        Arbitraries.doubles().between(0, 1000).ofScale(3),
                        Arbitraries.doubles().between(0, Double.MAX_VALUE))
                .injectNull(0.2);
        return Combinators.combine(
                        quantities,
                        Arbitraries.of("cup", "TBS", "tsp", "unit", "g").injectNull(0.2),
                        readable(),
                        readable().injectNull(0.7),
                        readable().injectNull(0.7))
                .as((quantity, unit, name, preparation, line) ->
                        new Ingredient(null, quantity, unit, name, preparation, line));
    }

    /**
     * Text as the reader returns it (every text field but {@code madeBy} and {@code notes} is read through
     * {@link ReadableText#line}): non-empty, with quotes, escapes, accents — what any text becomes once cleaned.
     */
    private static Arbitrary<String> readable() {
        return anyText().map(ReadableText::line).filter(text -> !text.isEmpty());
    }

    @Property(tries = 1000)
    void readableTextIsIdempotent(@ForAll("markupText") String text) {
        String once = ReadableText.line(text);

        assertThat(ReadableText.line(once)).isEqualTo(once);
        assertThat(ReadableText.lines(once)).containsExactly(once.isEmpty() ? new String[0] : new String[] {once});
    }

    @Provide
    Arbitrary<String> markupText() {
        Arbitrary<String> tokens = Arbitraries.of(
                "&amp;",
                "&#39;",
                "&amp;#39;",
                "&lt;b&gt;",
                "<p>",
                "</p>",
                "<br/>",
                "<a href=\"x\">",
                "</a>",
                "&nbsp;",
                "\u00A0",
                " ",
                "  ",
                "\n",
                "\t",
                "&",
                "<",
                ">",
                ";",
                "#",
                "x",
                "é",
                "&eacute;",
                "&#x2019;",
                "&bogus;",
                "<!-- c -->",
                "\u200B");
        return tokens.list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    /** Non-blank text with quotes, escapes, accents and control characters. */
    private static Arbitrary<String> text() {
        return anyText().filter(text -> !text.isBlank());
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars("éüñ½°–\n\t\"\\/\u0000\u2028")
                .ofMaxLength(40);
    }
}
