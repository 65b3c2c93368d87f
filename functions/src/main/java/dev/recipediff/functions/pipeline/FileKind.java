package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a file in the bucket is, decided by its prefix: {@code {kitchen}/recipes/…} or {@code {kitchen}/makes/…}. */
public enum FileKind {
    RECIPE("recipes"),
    MAKE("makes");

    private final String folder;

    FileKind(String folder) {
        this.folder = folder;
    }

    /** The folder under a kitchen that holds files of this kind ({@code recipes}, {@code makes}). */
    public String folder() {
        return folder;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FileKind fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
