package dev.recipediff.functions.recipes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.compare.Comparison;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.Problem;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.observability.Metrics;
import dev.recipediff.functions.store.MakeIdGrant;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.PendingMake;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.Sha256;
import dev.recipediff.functions.store.StoredMake;
import dev.recipediff.functions.store.StoredVersion;
import dev.recipediff.functions.store.WriteAttempt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final ParsedVersions parsed;

    public MakeRecorder(
            RecipeVersions versions,
            MakeRecords makes,
            RecipeReader reader,
            RecipeWriter writer,
            MakeComparator comparator,
            ObjectMapper json,
            Clock clock) {
        this(versions, makes, reader, writer, comparator, json, clock, MakeWriteListener.NONE);
    }

    /** @param listener told after each make is written (the stats view refreshes there) */
    public MakeRecorder(
            RecipeVersions versions,
            MakeRecords makes,
            RecipeReader reader,
            RecipeWriter writer,
            MakeComparator comparator,
            ObjectMapper json,
            Clock clock,
            MakeWriteListener listener) {
        this.listener = listener;
        this.versions = versions;
        this.makes = makes;
        this.reader = reader;
        this.writer = writer;
        this.comparator = comparator;
        this.json = json;
        this.clock = clock;
        this.parsed = new ParsedVersions(reader);
    }

    /** What became of a make. */
    public sealed interface Recording {
        /** Compared and recorded with a make id. */
        record Recorded(StoredMake make) implements Recording {}

        /** Its recipe does not exist yet: kept, to be compared when the recipe arrives. */
        record Pending(long recipeId, String pendingId, Instant receivedAt) implements Recording {}
    }

    /**
     * {@code POST /recipes/{recipeId}/makes}. A recorded make costs one read of the current version (its
     * document parsed once per version, see {@link ParsedVersions}), one make id (which also tells whether a
     * pending make may be waiting), one conditional write, and the listener's refresh.
     */
    public Recording record(String kitchen, long recipeId, byte[] body, WriteAttempt attempt) {
        Make make = reader.readMake(body);
        if (make.recipeId() != null && make.recipeId() != recipeId) {
            throw RecipeRefusal.invalid(
                    "recipe_id_mismatch",
                    "the make's recipeId " + make.recipeId() + " differs from the path's " + recipeId,
                    new Problem("/recipeId", "must equal the recipeId in the path (" + recipeId + ")"));
        }
        Make own = new Make(make.content().withRecipeId(recipeId), make.madeAt(), make.madeBy(), make.notes());
        String document = new String(writer.write(own), StandardCharsets.UTF_8);
        if (document.length() > RecipeBook.MAX_STORED_BYTES) {
            throw RecipeRefusal.tooLarge(
                    "the make is larger than " + RecipeBook.MAX_STORED_BYTES + " bytes once normalised",
                    new Problem("", "too large to store"));
        }
        Instant receivedAt = clock.instant();
        String correlationId = LogContext.currentCorrelationId(); // the upload's, from the request's context
        // a retry of an attempt that kept the make pending stays on that path even when the recipe exists now:
        // its pending make is (or will be) recorded by the recipe's writer, and must not be recorded twice
        if (attempt.hasPin(PENDING)) {
            return recordPending(kitchen, recipeId, document, receivedAt, attempt, correlationId);
        }
        // The version is not pinned: a retry that finds its make already written returns that make (compared
        // with the version of the attempt that wrote it), and one that does not has written nothing yet.
        AtomicReference<MakeIdGrant> granted = new AtomicReference<>();
        Optional<MakeIdGrant> atCurrent =
                attempt.hasPin("makeId") ? Optional.empty() : makes.grantAtCurrentVersion(kitchen, recipeId);
        long makeId;
        StoredVersion version;
        Recipe recipe;
        if (atCurrent.isPresent()) {
            // the usual path: the id and the current version in one atomic update of the make counter
            MakeIdGrant grant = atCurrent.get();
            granted.set(grant);
            makeId = attempt.pin("makeId", grant::makeId);
            ParsedVersions.Known known = parsed.known(kitchen, recipeId, grant.currentVersion())
                    .orElseGet(() -> parsed.parse(
                            kitchen,
                            versions.version(kitchen, recipeId, grant.currentVersion())
                                    .orElseThrow(() -> new IllegalStateException("version " + grant.currentVersion()
                                            + " of recipe " + recipeId + " is published but not stored"))));
            version = known.version();
            recipe = known.recipe();
        } else {
            Optional<StoredVersion> current = versions.latest(kitchen, recipeId);
            if (current.isEmpty()) {
                return recordPending(kitchen, recipeId, document, receivedAt, attempt, correlationId);
            }
            version = current.get();
            makeId = attempt.pin("makeId", () -> {
                MakeIdGrant grant = makes.grantMakeId(kitchen, recipeId);
                granted.set(grant);
                return grant.makeId();
            });
            MakeIdGrant grant = granted.get();
            if (grant != null && !grant.versionIsCurrent()) {
                // a recipe from before versions were published on the counter, or a crashed writer's version
                versions.adoptCurrent(kitchen, recipeId, version.version());
            }
            recipe = parsed.parse(kitchen, version).recipe();
        }
        StoredMake stored = makes.put(
                        kitchen,
                        compare(recipe, version, own, document, makeId, receivedAt, correlationId),
                        attempt.writeToken())
                .orElseThrow(() -> new IllegalStateException("make id " + makeId + " was taken by another writer"));
        listener.written(kitchen, stored, Optional.ofNullable(recipe.recipeName()), recipe);
        // Pending makes are resolved by their own writer or by the recipe's writer (see recordPending); looking
        // here only catches up one whose resolution crashed, so it is skipped unless the counter noted a pending
        // write no resolution has covered. Marking the notes read before our query as covered is safe even for
        // a pending make noted but not yet written when we queried: its writer re-checks after writing, finds
        // the recipe (recipes are never deleted) and resolves it itself — or crashes and is retried, noting again.
        MakeIdGrant grant = granted.get();
        if (grant == null) {
            resolvePending(kitchen, recipeId); // a retry with a pinned id did not read the counter: look anyway
        } else if (grant.pendingMayExist()) {
            resolvePending(kitchen, recipeId);
            makes.pendingChecked(kitchen, recipeId, grant.pendingWrites());
        }
        recorded(stored);
        return new Recording.Recorded(stored);
    }

    /** The log line and metrics of a recorded make. */
    private static void recorded(StoredMake stored) {
        log.atInfo()
                .addKeyValue("recipeId", stored.recipeId())
                .addKeyValue("makeId", stored.makeId())
                .addKeyValue("version", stored.version())
                .addKeyValue("exact", stored.exact())
                .log("make recorded");
        Metrics.count("MakesRecorded", "outcome", stored.exact() ? "exact" : "modified");
    }

    private Recording recordPending(
            String kitchen,
            long recipeId,
            String document,
            Instant receivedAt,
            WriteAttempt attempt,
            String correlationId) {
        String pendingId = Sha256.hex(attempt.writeToken()).substring(0, 32);
        attempt.pin(PENDING, () -> 1L); // before the pending item: a retry after a crash knows where it went
        // Noted on the make counter before the pending write and before the re-check below, so that a make
        // recorded from now on looks for pending makes (see record) — the write-first/read-second argument
        // below is untouched: the note is one more write before our read.
        makes.notePending(kitchen, recipeId);
        makes.putPending(
                kitchen,
                new PendingMake(
                        recipeId, pendingId, document, receivedAt, Optional.empty(), Optional.empty(), correlationId));
        // The recipe may have been written between our check and our pending write; its writer then may not
        // have seen our pending make. Both sides write first and read second, so at least one sees the other.
        if (versions.exists(kitchen, recipeId)) {
            resolvePending(kitchen, recipeId);
        }
        Optional<PendingMake> current = makes.findPending(kitchen, recipeId, pendingId);
        Optional<StoredMake> recorded =
                current.flatMap(PendingMake::makeId).flatMap(makeId -> makes.find(kitchen, recipeId, makeId));
        if (recorded.isPresent()) {
            return new Recording.Recorded(recorded.get());
        }
        log.atInfo()
                .addKeyValue("recipeId", recipeId)
                .addKeyValue("pendingId", pendingId)
                .log("make pending");
        Metrics.count("PendingMakes");
        return new Recording.Pending(
                recipeId, pendingId, current.map(PendingMake::receivedAt).orElse(receivedAt));
    }

    /**
     * Compares and records every pending make of an existing recipe. Safe to run concurrently and
     * repeatedly: the make id and version are pinned on the pending item before the make is written, the
     * make write is conditional on its id, and the pending item is only marked resolved afterwards.
     */
    public void resolvePending(String kitchen, long recipeId) {
        for (PendingMake pending : makes.pending(kitchen, recipeId)) {
            Optional<PendingMake> assigned = pending.makeId().isPresent()
                    ? Optional.of(pending)
                    : makes.assign(
                            kitchen,
                            pending,
                            makes.nextMakeId(kitchen, recipeId),
                            versions.latest(kitchen, recipeId).orElseThrow().version());
            if (assigned.isEmpty() || assigned.get().document().isEmpty()) {
                continue; // resolved by someone else meanwhile
            }
            PendingMake make = assigned.get();
            long makeId = make.makeId().orElseThrow();
            StoredVersion version = versions.version(
                            kitchen, recipeId, make.version().orElseThrow())
                    .orElseThrow();
            Make parsedMake = reader.readMake(make.document().getBytes(StandardCharsets.UTF_8));
            Recipe compared = parsed.recipe(kitchen, version);
            StoredMake stored = makes.put(
                            kitchen,
                            compare(
                                    compared,
                                    version,
                                    parsedMake,
                                    make.document(),
                                    makeId,
                                    make.receivedAt(),
                                    make.correlationId()),
                            "pending:" + make.pendingId())
                    .orElseThrow(() -> new IllegalStateException("make id " + makeId + " was taken by another writer"));
            listener.written(kitchen, stored, Optional.empty(), compared);
            makes.markResolved(kitchen, recipeId, make.pendingId());
            try (LogContext ignored = LogContext.nested().correlationId(make.correlationId())) {
                recorded(stored);
            }
        }
    }

    private StoredMake compare(
            Recipe recipe,
            StoredVersion version,
            Make make,
            String document,
            long makeId,
            Instant receivedAt,
            String correlationId) {
        long started = System.nanoTime();
        Comparison comparison = comparator.compare(recipe, make).withMakeId(makeId);
        Metrics.milliseconds("CompareTime", (System.nanoTime() - started) / 1e6);
        try {
            return new StoredMake(
                    version.recipeId(),
                    makeId,
                    version.version(),
                    comparison.exact(),
                    document,
                    json.writeValueAsString(comparison.differences()),
                    receivedAt,
                    correlationId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("differences are not serializable", e);
        }
    }
}
