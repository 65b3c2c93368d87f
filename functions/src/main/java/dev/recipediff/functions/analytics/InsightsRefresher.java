package dev.recipediff.functions.analytics;

import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.analytics.RecordedMake;
import dev.recipediff.core.insights.InsightsState;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.StoredMake;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refreshes the insights accumulator of the version a make was compared with, on the make-write path next to
 * the stats view: folds in the make just written — and, when the makes the accumulator has looked at stop
 * before it, the makes after that point (at most {@link StatsRefresher#CATCH_UP_LIMIT}, only those of its version
 * count) — and stores it conditionally on its revision. In the common case one {@code PutItem}: the
 * accumulator this instance stored last is reused ({@link LastStoredCache}; a failed condition drops it, reads
 * the item and folds again), so the {@code GetItem} happens only for a version's first make here or after
 * another writer. Folding is idempotent, so retries, replays and concurrent refreshes count a make once.
 *
 * <p>A version's accumulator starts as having looked at every make id up to {@link #SEED_SLACK} below its first
 * make: makes that much older belong to earlier versions (a make is compared with the version current when it
 * arrives), so a new version does not page through every older make.
 */
public final class InsightsRefresher {

    /** Make ids below a version's first refreshed make that its accumulator still checks. */
    static final int SEED_SLACK = 100;

    private final InsightsTable table;
    private final MakeRecords makes;
    private final Function<StoredMake, RecordedMake> recorded;
    private final LastStoredCache<InsightsTable.Stored> cache = new LastStoredCache<>();

    /** @param stats the stats refresher next to which this one runs: it reads a stored make as analytics sees it */
    public InsightsRefresher(InsightsTable table, MakeRecords makes, StatsRefresher stats) {
        this.table = table;
        this.makes = makes;
        this.recorded = stats::recorded;
    }

    /**
     * Folds {@code written} (just stored) and any make of its version the accumulator missed into it.
     *
     * @param compared the version {@code written} was compared with: the stored answer is rendered with it
     */
    public InsightsState refresh(String kitchen, StoredMake written, Recipe compared) {
        long recipeId = written.recipeId();
        long makeId = written.makeId();
        int version = Math.toIntExact(written.version());
        RecordedMake writtenMake = recorded.apply(written);
        ItemKey key = InsightsTable.key(kitchen, recipeId, version);
        return cache.inTurn(key, () -> refresh(kitchen, recipeId, makeId, version, writtenMake, compared, key));
    }

    private InsightsState refresh(
            String kitchen,
            long recipeId,
            long makeId,
            int version,
            RecordedMake writtenMake,
            Recipe compared,
            ItemKey key) {
        for (int attempt = 1; ; attempt++) {
            // the accumulator this instance stored last, unless a conditional write found it replaced
            Optional<InsightsTable.Stored> cached = attempt == 1 ? cache.get(key) : Optional.empty();
            InsightsTable.Stored stored = cached.or(() -> table.find(kitchen, recipeId, version))
                    .orElseGet(() -> new InsightsTable.Stored(InsightsState.empty(recipeId, version), seed(makeId), 0));
            InsightsState state = stored.state();
            MakeIdSet seen = stored.seen();
            long prefixEnd = StatsRefresher.prefixEnd(seen);
            if (prefixEnd < makeId - 1) {
                List<StoredMake> missed = makes.since(kitchen, recipeId, prefixEnd, StatsRefresher.CATCH_UP_LIMIT);
                for (StoredMake make : missed) {
                    if (make.version() == version && !state.hasApplied(make.makeId())) {
                        state = state.apply(recorded.apply(make));
                    }
                    seen = seen.with(make.makeId());
                }
            }
            state = state.apply(writtenMake);
            seen = seen.with(makeId);
            if (stored.revision() > 0 && state.equals(stored.state()) && seen.equals(stored.seen())) {
                return state;
            }
            if (table.store(kitchen, stored.revision(), state, seen, compared)) {
                cache.stored(key, new InsightsTable.Stored(state, seen, stored.revision() + 1));
                return state;
            }
            cache.forget(key);
            if (attempt >= StatsRefresher.MAX_ATTEMPTS) {
                throw new IllegalStateException(
                        "insights of recipe " + recipeId + " version " + version + " kept changing under us");
            }
        }
    }

    static MakeIdSet seed(long firstMakeId) {
        long upTo = firstMakeId - 1 - SEED_SLACK;
        return upTo < 1 ? MakeIdSet.empty() : new MakeIdSet(List.of(new MakeIdSet.Range(1, upTo)));
    }
}
