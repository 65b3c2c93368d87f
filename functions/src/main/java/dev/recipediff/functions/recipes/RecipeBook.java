package dev.recipediff.functions.recipes;

import dev.recipediff.core.format.Problem;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredVersion;
import dev.recipediff.functions.store.WriteAttempt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Adds and updates recipes: immutable versions, a recipe id for documents without one, and — after every
 * write — the recipe's pending makes compared and recorded.
 */
public final class RecipeBook {

    /**
     * The largest recipe id: 2^53 - 1, the largest integer a JSON number keeps exactly in every client
     * (JavaScript's {@code Number.MAX_SAFE_INTEGER}). Ids are 1 to this; the kitchen's counter never passes it.
     */
    public static final long MAX_RECIPE_ID = 9_007_199_254_740_991L;

    /** Largest stored document; keeps every item well under DynamoDB's 400 KB item limit. */
    static final int MAX_STORED_BYTES = 300 * 1024;

    private static final int MAX_ATTEMPTS = 20;

    private final RecipeVersions versions;
    private final MakeRecorder makes;
    private final RecipeReader reader;
    private final RecipeWriter writer;
    private final Clock clock;

    public RecipeBook(
            RecipeVersions versions, MakeRecorder makes, RecipeReader reader, RecipeWriter writer, Clock clock) {
        this.versions = versions;
        this.makes = makes;
        this.reader = reader;
        this.writer = writer;
        this.clock = clock;
    }

    /** {@code POST /recipes}: version 1 of a new recipe; 409 when its id exists. */
    public StoredVersion create(String kitchen, byte[] body, WriteAttempt attempt) {
        Recipe recipe = reader.readRecipe(body);
        boolean assigned = recipe.recipeId() == null;
        long recipeId = assigned
                ? assignable(attempt.pin("recipeId", () -> versions.nextRecipeId(kitchen)))
                : validId(recipe.recipeId());
        if (!assigned) {
            versions.raiseRecipeIdFloor(kitchen, recipeId);
        }
        for (int tries = 0; tries < MAX_ATTEMPTS; tries++) {
            Recipe stored = recipe.withRecipeId(recipeId);
            StoredVersion version = new StoredVersion(recipeId, 1, document(stored), clock.instant());
            versions.announce(kitchen, recipeId, 1);
            if (versions.put(kitchen, version, stored.recipeName(), attempt.writeToken())
                    == RecipeVersions.Write.WRITTEN) {
                afterWrite(kitchen, stored, version);
                return version;
            }
            if (!assigned) {
                throw RecipeRefusal.alreadyExists(
                        "recipe_exists",
                        "recipe " + recipeId + " already exists; PUT /recipes updates it",
                        new Problem("/recipeId", "a recipe with this id exists already"));
            }
            // an explicit id took the assigned one meanwhile: take the next
            recipeId = assignable(attempt.repin("recipeId", recipeId, () -> versions.nextRecipeId(kitchen)));
        }
        throw new IllegalStateException("could not assign a recipe id after " + MAX_ATTEMPTS + " attempts");
    }

    /** {@code PUT /recipes}: a new immutable version of an existing recipe; 404 when it does not exist. */
    public StoredVersion update(String kitchen, byte[] body, WriteAttempt attempt) {
        Recipe recipe = reader.readRecipe(body);
        if (recipe.recipeId() == null) {
            throw RecipeRefusal.invalid(
                    "invalid_document",
                    "PUT /recipes needs the recipeId of the recipe to update",
                    new Problem("/recipeId", "is required to update a recipe"));
        }
        long recipeId = validId(recipe.recipeId());
        return nextVersion(kitchen, recipe.withRecipeId(recipeId), Optional.empty(), Optional.empty(), attempt);
    }

    /**
     * {@code POST /recipes/{recipeId}/makes/{makeId}/promote}: what the make cooked becomes the recipe's next
     * version, recording the make it came from.
     */
    public StoredVersion promote(
            String kitchen, long recipeId, Recipe made, StoredVersion.Lineage lineage, WriteAttempt attempt) {
        return nextVersion(kitchen, made.withRecipeId(recipeId), Optional.of(lineage), Optional.empty(), attempt);
    }

    /**
     * {@code POST /recipes/{recipeId}/suggestion/promote}: the suggestion (the current version with the consensus
     * changes applied) becomes the recipe's next version, recording the makes it came from.
     */
    public StoredVersion promoteSuggestion(
            String kitchen, long recipeId, Recipe suggested, StoredVersion.Suggested from, WriteAttempt attempt) {
        return nextVersion(kitchen, suggested.withRecipeId(recipeId), Optional.empty(), Optional.of(from), attempt);
    }

    private StoredVersion nextVersion(
            String kitchen,
            Recipe recipe,
            Optional<StoredVersion.Lineage> lineage,
            Optional<StoredVersion.Suggested> suggested,
            WriteAttempt attempt) {
        long recipeId = recipe.recipeId();
        String document = document(recipe);
        long number = attempt.pin("version", () -> latestVersion(kitchen, recipeId) + 1);
        for (int tries = 0; tries < MAX_ATTEMPTS; tries++) {
            StoredVersion version = new StoredVersion(recipeId, number, document, clock.instant(), lineage, suggested);
            versions.announce(kitchen, recipeId, number);
            if (versions.put(kitchen, version, recipe.recipeName(), attempt.writeToken())
                    == RecipeVersions.Write.WRITTEN) {
                afterWrite(kitchen, recipe, version);
                return version;
            }
            number = attempt.repin("version", number, () -> latestVersion(kitchen, recipeId) + 1);
        }
        throw RecipeRefusal.concurrentUpdate(
                "concurrent_update", "recipe " + recipeId + " is being updated concurrently; retry");
    }

    public Optional<StoredVersion> current(String kitchen, long recipeId) {
        return versions.latest(kitchen, recipeId);
    }

    private long latestVersion(String kitchen, long recipeId) {
        return versions.latest(kitchen, recipeId)
                .orElseThrow(
                        () -> RecipeRefusal.notFound("recipe " + recipeId + " does not exist; POST /recipes adds it"))
                .version();
    }

    /**
     * After a version is written: published on the make counter (the make path reads the current version there;
     * it was announced before the write, see {@link RecipeVersions#announce}), the listing entry, pending makes.
     * A crash before the publication leaves the version announced and unpublished: makes then query the versions
     * (and publish what they find), so they are never compared with an older version than a reader would see.
     */
    private void afterWrite(String kitchen, Recipe recipe, StoredVersion version) {
        versions.publish(kitchen, version.recipeId(), version.version());
        Instant now = clock.instant();
        versions.putEntry(kitchen, version.recipeId(), recipe.recipeName(), version.version(), now);
        makes.resolvePending(kitchen, version.recipeId());
    }

    private String document(Recipe recipe) {
        byte[] bytes = writer.write(recipe);
        if (bytes.length > MAX_STORED_BYTES) {
            throw RecipeRefusal.tooLarge(
                    "the recipe is larger than " + MAX_STORED_BYTES + " bytes once normalised",
                    new Problem("", "too large to store"));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static long validId(Long id) {
        if (id == null || id < 1 || id > MAX_RECIPE_ID) {
            throw RecipeRefusal.invalid(
                    "invalid_document",
                    "recipeId must be an integer from 1 to " + MAX_RECIPE_ID,
                    new Problem("/recipeId", "must be an integer from 1 to " + MAX_RECIPE_ID));
        }
        return id;
    }

    /** An id the kitchen's counter assigned; past the range (explicit ids reached the top) it is a clear refusal. */
    private static long assignable(long id) {
        if (id > MAX_RECIPE_ID) {
            throw RecipeRefusal.alreadyExists(
                    "recipe_ids_exhausted",
                    "no recipe id is left above the highest one this "
                            + "kitchen used; give the recipe an unused recipeId from 1 to " + MAX_RECIPE_ID,
                    new Problem("/recipeId", "needed: every id above the highest one used is taken"));
        }
        return id;
    }
}
