package dev.recipediff.functions.api;

/** Told after a make is written (recorded directly, or a pending make resolved): derived views refresh. */
@FunctionalInterface
public interface MakeWriteListener {

    MakeWriteListener NONE = (kitchen, recipeId, makeId) -> { };

    void written(String kitchen, long recipeId, long makeId);
}
