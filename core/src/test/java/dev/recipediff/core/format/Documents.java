package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

/** Small helpers for writing test documents readably: single quotes stand for double quotes. */
final class Documents {

    private Documents() {}

    /** The UTF-8 bytes of {@code json} with every {@code '} turned into {@code "}. */
    static byte[] json(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    /** A valid original-format recipe with {@code ingredients} and {@code steps} spliced in (JSON array bodies). */
    static byte[] recipeWith(String ingredients, String steps) {
        return json("{'recipeName': 'Test', 'recipeId': 1, 'ingredients': [" + ingredients + "], 'steps': [" + steps
                + "]}");
    }

    static InvalidDocumentException rejectionOfRecipe(byte[] document) {
        return catchThrowableOfType(InvalidDocumentException.class, () -> new RecipeReader().readRecipe(document));
    }

    static InvalidDocumentException rejectionOfMake(byte[] document) {
        return catchThrowableOfType(InvalidDocumentException.class, () -> new RecipeReader().readMake(document));
    }
}
