package dev.recipediff.local.submit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.RecipeJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

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
     * Without {@code --kind}: a file in a folder named {@code makes}/{@code make} or {@code recipes}/{@code recipe}
     * is what its folder says; otherwise a JSON object with {@code madeAt}, {@code madeBy} or {@code notes} (the
     * make-only fields) is a make; anything else — including what does not parse, which the pipeline then
     * rejects with the reason — is a recipe. (A make without make-only fields looks exactly like a recipe:
     * put it in a {@code makes} folder or pass {@code --kind make}.)
     */
    public static DocumentKind detect(Path file, byte[] document) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null) {
            switch (parent.getFileName().toString().toLowerCase(Locale.ROOT)) {
                case "makes", "make" -> {
                    return MAKE;
                }
                case "recipes", "recipe" -> {
                    return RECIPE;
                }
                default -> {
                    // decided by the content below
                }
            }
        }
        try {
            JsonNode root = RecipeJson.mapper().readTree(document);
            return root != null && root.isObject() && (root.has("madeAt") || root.has("madeBy") || root.has("notes"))
                    ? MAKE
                    : RECIPE;
        } catch (IOException | RuntimeException e) {
            return RECIPE;
        }
    }
}
