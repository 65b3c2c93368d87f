package dev.recipediff.functions.recipes;

import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.StoredMake;
import java.util.Optional;

/** Told after a make is written (recorded directly, or a pending make resolved): derived views refresh. */
@FunctionalInterface
public interface MakeWriteListener {

    MakeWriteListener NONE = (kitchen, make, recipeName, compared) -> {};

    /**
     * @param make       the make as stored
     * @param recipeName the name of the recipe's current version when the writer knows it (it read it to
     *                   compare); empty when the listener must look it up
     * @param compared   the version the make was compared with, parsed (the insights render their answer with it)
     */
    void written(String kitchen, StoredMake make, Optional<String> recipeName, Recipe compared);
}
