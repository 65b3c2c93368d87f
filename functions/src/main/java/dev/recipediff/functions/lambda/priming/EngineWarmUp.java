package dev.recipediff.functions.lambda.priming;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Warm-up of the document path every function shares: the hardened Jackson mapper, the reader (format
 * detection, validation, units), the writer and the comparison engine — run on a bundled sample recipe and
 * make (resources next to this class, copies of the shared apple-pie samples) enough times for the JIT to
 * compile the hot paths.
 */
public final class EngineWarmUp {

    static final int ROUNDS = 25;

    private final byte[] recipeDocument;
    private final byte[] makeDocument;

    public EngineWarmUp() {
        this(resource("recipes/apple-pie.json"), resource("makes/apple-pie.more-cinnamon-hotter.json"));
    }

    EngineWarmUp(byte[] recipeDocument, byte[] makeDocument) {
        this.recipeDocument = recipeDocument.clone();
        this.makeDocument = makeDocument.clone();
    }

    /** Reading and writing documents (every function that handles files). */
    public PrimingStep documents() {
        return new PrimingStep("read and write documents", () -> {
            RecipeReader reader = new RecipeReader();
            RecipeWriter writer = new RecipeWriter();
            for (int round = 0; round < ROUNDS; round++) {
                writer.write(reader.readRecipe(recipeDocument));
                writer.write(reader.readMake(makeDocument));
            }
        });
    }

    /** Comparing a make with its recipe and serializing the differences (the api). */
    public PrimingStep comparisons() {
        return new PrimingStep("compare a make with its recipe", () -> {
            RecipeReader reader = new RecipeReader();
            MakeComparator comparator = new MakeComparator();
            Recipe recipe = reader.readRecipe(recipeDocument);
            Make make = reader.readMake(makeDocument);
            for (int round = 0; round < ROUNDS; round++) {
                Comparison comparison = comparator.compare(recipe, make);
                try {
                    RecipeJson.mapper().writeValueAsBytes(comparison);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a comparison is always serializable", e);
                }
            }
        });
    }

    public List<PrimingStep> all() {
        return List.of(documents(), comparisons());
    }

    private static byte[] resource(String name) {
        try (InputStream in = EngineWarmUp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("priming sample " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
