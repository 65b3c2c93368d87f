package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.recipes.RecipeBook;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.StoredMake;
import dev.recipediff.functions.store.StoredVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code POST /recipes/{recipeId}/makes/{makeId}/promote}: a make becomes the recipe's next version. */
public final class PromoteResource {

    private final RecipeBook book;
    private final MakeRecords makes;
    private final RecipeReader reader;
    private final JsonBodies json;

    public PromoteResource(RecipeBook book, MakeRecords makes, RecipeReader reader, JsonBodies json) {
        this.book = book;
        this.makes = makes;
        this.reader = reader;
        this.json = json;
    }

    /**
     * 201 with the new version and {@code promotedFrom}; 200 with the current version when it already came from
     * this make (a repeated click changes nothing).
     */
    public ApiResponse promote(ApiRequest request) {
        long recipeId = PathIds.positive(request, "recipeId");
        long makeId = PathIds.positive(request, "makeId");
        StoredMake make = makes.find(request.kitchen(), recipeId, makeId)
                .orElseThrow(() -> ApiException.notFound("recipe " + recipeId + " has no make " + makeId));
        Optional<StoredVersion> current = book.current(request.kitchen(), recipeId);
        boolean alreadyPromoted = current.flatMap(StoredVersion::promotedFrom)
                .filter(from -> from.makeId() == makeId)
                .isPresent();
        StoredVersion version = alreadyPromoted
                ? current.get()
                : book.promote(
                        request.kitchen(),
                        recipeId,
                        reader.readMake(make.document().getBytes(StandardCharsets.UTF_8))
                                .content(),
                        new StoredVersion.Lineage(makeId, make.version()),
                        request.attempt());
        return promoted(json, version, !alreadyPromoted);
    }

    /** A promoted version as the promote routes answer it: 201 when just created, 200 when it existed. */
    static ApiResponse promoted(JsonBodies json, StoredVersion version, boolean created) {
        ObjectNode body = (ObjectNode) json.stored(version.document());
        body.put("version", version.version());
        body.put("createdAt", version.createdAt().toString());
        RecipeResource.lineage(body, version);
        return json.respond(created ? 201 : 200, body)
                .withHeader("Location", "/recipes/" + version.recipeId() + "/versions/" + version.version());
    }
}
