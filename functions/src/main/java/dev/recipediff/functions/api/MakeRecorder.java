package dev.recipediff.functions.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ErrorDetail;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.PendingMake;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.Sha256;
import dev.recipediff.functions.store.StoredMake;
import dev.recipediff.functions.store.StoredVersion;
import dev.recipediff.functions.store.WriteAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records makes: compared with the recipe's current version at receipt, given the next make id; a make
 * whose recipe does not exist yet is kept pending and recorded when the recipe arrives.
 */
public final class MakeRecorder {

    private static final Logger log = LoggerFactory.getLogger(MakeRecorder.class);
    /** Pinned by an attempt that kept its make pending (its recipe did not exist yet). */
    private static final String PENDING = "pending";

    private final RecipeVersions versions;
    private final MakeRecords makes;
    private final RecipeReader reader;
    private final RecipeWriter writer;
    private final MakeComparator comparator;
    private final ObjectMapper json;
    private final Clock clock;
    private final MakeWriteListener listener;

    public MakeRecorder(RecipeVersions versions, MakeRecords makes, RecipeReader reader, RecipeWriter writer,
                        MakeComparator comparator, ObjectMapper json, Clock clock) {
        this(versions, makes, reader, writer, comparator, json, clock, MakeWriteListener.NONE);
    }

    /** @param listener told after each make is written (the stats view refreshes there) */
    public MakeRecorder(RecipeVersions versions, MakeRecords makes, RecipeReader reader, RecipeWriter writer,
                        MakeComparator comparator, ObjectMapper json, Clock clock, MakeWriteListener listener) {
        this.listener = listener;
        this.versions = versions;
        this.makes = makes;
        this.reader = reader;
        this.writer = writer;
        this.comparator = comparator;
        this.json = json;
        this.clock = clock;
    }

    /** What became of a make. */
    public sealed interface Outcome {
        /** Compared and recorded with a make id. */
        record Recorded(StoredMake make) implements Outcome {
        }

        /** Its recipe does not exist yet: kept, to be compared when the recipe arrives. */
        record Pending(long recipeId, String pendingId, Instant receivedAt) implements Outcome {
        }
    }

    /** {@code POST /recipes/{recipeId}/makes}. */
    public Outcome record(String kitchen, long recipeId, byte[] body, WriteAttempt attempt) {
        Make make = reader.readMake(body);
        if (make.recipeId() != null && make.recipeId() != recipeId) {
            throw ApiException.badRequest("recipe_id_mismatch",
                    "the make's recipeId " + make.recipeId() + " differs from the path's " + recipeId,
                    List.of(new ErrorDetail("/recipeId", "must equal the recipeId in the path (" + recipeId + ")")));
        }
        Make own = new Make(make.content().withRecipeId(recipeId), make.madeAt(), make.madeBy(), make.notes());
        String document = new String(writer.write(own), StandardCharsets.UTF_8);
        if (document.length() > RecipeBook.MAX_STORED_BYTES) {
            throw new ApiException(413, "too_large", "the make is larger than " + RecipeBook.MAX_STORED_BYTES
                    + " bytes once normalised", List.of(new ErrorDetail("", "too large to store")));
        }
        Instant receivedAt = clock.instant();
        // a retry of an attempt that kept the make pending stays on that path even when the recipe exists now:
        // its pending make is (or will be) recorded by the recipe's writer, and must not be recorded twice
        if (attempt.hasPin(PENDING) || !versions.exists(kitchen, recipeId)) {
            return recordPending(kitchen, recipeId, document, receivedAt, attempt);
        }
        long versionNumber = attempt.pin("version", () -> versions.latest(kitchen, recipeId).orElseThrow().version());
        StoredVersion version = versions.version(kitchen, recipeId, versionNumber).orElseThrow();
        long makeId = attempt.pin("makeId", () -> makes.nextMakeId(kitchen, recipeId));
        StoredMake stored = compare(version, own, document, makeId, receivedAt);
        if (!makes.put(kitchen, stored, attempt.writeToken())) {
            throw new IllegalStateException("make id " + makeId + " was taken by another writer");
        }
        listener.written(kitchen, recipeId, makeId);
        resolvePending(kitchen, recipeId);
        return new Outcome.Recorded(makes.find(kitchen, recipeId, makeId).orElse(stored));
    }

    private Outcome recordPending(String kitchen, long recipeId, String document, Instant receivedAt,
                                  WriteAttempt attempt) {
        String pendingId = Sha256.hex(attempt.writeToken()).substring(0, 32);
        attempt.pin(PENDING, () -> 1L); // before the pending item: a retry after a crash knows where it went
        makes.putPending(kitchen, new PendingMake(recipeId, pendingId, document, receivedAt, Optional.empty(), Optional.empty()));
        // The recipe may have been written between our check and our pending write; its writer then may not
        // have seen our pending make. Both sides write first and read second, so at least one sees the other.
        if (versions.exists(kitchen, recipeId)) {
            resolvePending(kitchen, recipeId);
        }
        Optional<PendingMake> current = makes.findPending(kitchen, recipeId, pendingId);
        Optional<StoredMake> recorded = current.flatMap(PendingMake::makeId)
                .flatMap(makeId -> makes.find(kitchen, recipeId, makeId));
        if (recorded.isPresent()) {
            return new Outcome.Recorded(recorded.get());
        }
        log.info("make pending requestId={} kitchen={} recipeId={} pendingId={}", MDC.get("requestId"), kitchen, recipeId,
                pendingId);
        return new Outcome.Pending(recipeId, pendingId, current.map(PendingMake::receivedAt).orElse(receivedAt));
    }

    /**
     * Compares and records every pending make of an existing recipe. Safe to run concurrently and
     * repeatedly: the make id and version are pinned on the pending item before the make is written, the
     * make write is conditional on its id, and the pending item is only marked resolved afterwards.
     */
    public void resolvePending(String kitchen, long recipeId) {
        for (PendingMake pending : makes.pending(kitchen, recipeId)) {
            Optional<PendingMake> assigned = pending.makeId().isPresent() ? Optional.of(pending)
                    : makes.assign(kitchen, pending, makes.nextMakeId(kitchen, recipeId),
                    versions.latest(kitchen, recipeId).orElseThrow().version());
            if (assigned.isEmpty() || assigned.get().document().isEmpty()) {
                continue; // resolved by someone else meanwhile
            }
            PendingMake make = assigned.get();
            long makeId = make.makeId().orElseThrow();
            StoredVersion version = versions.version(kitchen, recipeId, make.version().orElseThrow()).orElseThrow();
            Make parsed = reader.readMake(make.document().getBytes(StandardCharsets.UTF_8));
            StoredMake stored = compare(version, parsed, make.document(), makeId, make.receivedAt());
            makes.put(kitchen, stored, "pending:" + make.pendingId());
            listener.written(kitchen, recipeId, makeId);
            makes.markResolved(kitchen, recipeId, make.pendingId());
            log.info("pending make recorded requestId={} kitchen={} recipeId={} makeId={}", MDC.get("requestId"), kitchen,
                    recipeId, makeId);
        }
    }

    private StoredMake compare(StoredVersion version, Make make, String document, long makeId, Instant receivedAt) {
        Recipe recipe = reader.readRecipe(version.document().getBytes(StandardCharsets.UTF_8));
        Comparison comparison = comparator.compare(recipe, make).withMakeId(makeId);
        try {
            return new StoredMake(version.recipeId(), makeId, version.version(), comparison.exact(), document,
                    json.writeValueAsString(comparison.differences()), receivedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("differences are not serializable", e);
        }
    }
}
