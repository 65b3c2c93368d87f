package dev.recipediff.local.submit;

import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;

/** Whether a file is a recipe or a make, and the bucket folder it goes to. */
public enum DocumentKind {
    RECIPE("recipes"),
    MAKE("makes");

    private final String folder;

    DocumentKind(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }

    /**
     * A JSON object with {@code madeAt} or {@code madeBy} is a make; anything else (including what does not
     * parse — the pipeline will reject it with the reason) is a recipe.
     */
    public static DocumentKind detect(byte[] document) {
        try {
            JsonNode root = RecipeJson.mapper().readTree(document);
            return root != null && root.isObject() && (root.has("madeAt") || root.has("madeBy")) ? MAKE : RECIPE;
        } catch (IOException | RuntimeException e) {
            return RECIPE;
        }
    }
}
