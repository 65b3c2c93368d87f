package dev.recipediff.functions.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.analytics.RecipeStatsView;
import dev.recipediff.core.analytics.RecordedMake;
import dev.recipediff.core.compare.Difference;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredMake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Refreshes a recipe's stats view on the make-write path: folds in the make just written and every recorded make
 * the view has not seen (the makes after its contiguous prefix of applied ids) and stores the result
 * with an optimistic revision check, retrying on a concurrent writer. Folding is idempotent, so retries,
 * replays and concurrent refreshes cannot count a make twice, and a refresh that failed is caught up by the
 * next one.
 */
public final class StatsRefresher {

    /** Makes read per refresh beyond the prefix; more than enough unless a refresh was missed many times. */
    static final int CATCH_UP_LIMIT = 100;

    static final int MAX_ATTEMPTS = 10;

    private static final TypeReference<List<Difference>> DIFFERENCES = new TypeReference<>() {};

    private final RecipeStatsTable stats;
    private final MakeRecords makes;
    private final RecipeVersions versions;
    private final RecipeReader reader;
    private final ObjectMapper mapper;
    private final LastStoredCache<StoredStats> cache = new LastStoredCache<>();
    /**
     * The make this thread read last as analytics sees it: the insights refresh that follows the stats refresh of
     * the same make (same thread, same {@link StoredMake} instance) reuses it instead of parsing the make's document
     * and differences a second time. One entry per thread, compared by identity.
     */
    private final ThreadLocal<LastRead> lastRead = new ThreadLocal<>();

    private record LastRead(StoredMake stored, RecordedMake recorded) {}

    public StatsRefresher(
            RecipeStatsTable stats,
            MakeRecords makes,
            RecipeVersions versions,
            RecipeReader reader,
            ObjectMapper mapper) {
        this.stats = stats;
        this.makes = makes;
        this.versions = versions;
        this.reader = reader;
        this.mapper = mapper;
    }

    /**
     * Folds {@code written} (just stored) and any make the view missed into the view: one conditional write of
     * the view, preceded by its read unless this instance stored the view last ({@link LastStoredCache}), plus a query of
     * the makes after the view's contiguous prefix only when
     * makes before {@code written} may be missing from it.
     *
     * @param recipeName the name of the recipe's current version; looked up when empty
     */
    public RecipeStatsView refresh(String kitchen, StoredMake written, Optional<String> recipeName) {
        long recipeId = written.recipeId();
        long makeId = written.makeId();
        String name = recipeName.orElseGet(() -> versions.latest(kitchen, recipeId)
                .map(version -> reader.readRecipe(version.document().getBytes(StandardCharsets.UTF_8))
                        .recipeName())
                .orElse(null));
        RecordedMake writtenMake = recorded(written);
        ItemKey key = RecipeStatsTable.key(kitchen, recipeId);
        return cache.inTurn(key, () -> refresh(kitchen, recipeId, makeId, name, writtenMake, key));
    }

    private RecipeStatsView refresh(
            String kitchen, long recipeId, long makeId, String name, RecordedMake writtenMake, ItemKey key) {
        for (int attempt = 1; ; attempt++) {
            // the view this instance stored last, unless a conditional write found it replaced (see LastStoredCache)
            Optional<StoredStats> cached = attempt == 1 ? cache.get(key) : Optional.empty();
            StoredStats stored = cached.or(() -> stats.find(kitchen, recipeId))
                    .orElseGet(() -> new StoredStats(RecipeStatsView.empty(recipeId, name), 0));
            RecipeStatsView view = stored.view();
            RecipeStatsView refreshed = view;
            long prefixEnd = prefixEnd(view.appliedMakes());
            if (prefixEnd < makeId - 1) { // a make before this one is not in the view yet: catch up
                for (StoredMake make : makes.since(kitchen, recipeId, prefixEnd, CATCH_UP_LIMIT)) {
                    if (!refreshed.hasApplied(make.makeId())) {
                        refreshed = refreshed.apply(recorded(make));
                    }
                }
            }
            refreshed = refreshed.apply(writtenMake);
            if (name != null && !name.equals(refreshed.recipeName())) {
                refreshed = refreshed.withRecipeName(name);
            }
            ViewBounds.Bounded bounded = ViewBounds.bound(refreshed, stored.other());
            if (bounded.view().equals(view) && bounded.other().equals(stored.other()) && stored.revision() > 0) {
                return view;
            }
            if (stats.store(kitchen, stored, bounded)) {
                cache.stored(key, new StoredStats(bounded.view(), stored.revision() + 1, bounded.other()));
                return bounded.view();
            }
            cache.forget(key);
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("stats view of recipe " + recipeId + " kept changing under us");
            }
        }
    }

    /** The highest id {@code n} such that makes 1..n are all applied; 0 when make 1 is not. */
    static long prefixEnd(MakeIdSet applied) {
        return applied.ranges().isEmpty() || applied.ranges().getFirst().from() != 1
                ? 0
                : applied.ranges().getFirst().to();
    }

    /** A stored make as analytics reads it (also used by {@link InsightsRefresher}). */
    RecordedMake recorded(StoredMake stored) {
        LastRead last = lastRead.get();
        if (last != null && last.stored() == stored) {
            return last.recorded();
        }
        RecordedMake recorded = read(stored);
        lastRead.set(new LastRead(stored, recorded));
        return recorded;
    }

    private RecordedMake read(StoredMake stored) {
        Make make = reader.readMake(stored.document().getBytes(StandardCharsets.UTF_8));
        OffsetDateTime madeAt = Optional.ofNullable(make.madeAt())
                .orElseGet(() -> stored.receivedAt().atOffset(ZoneOffset.UTC));
        Recipe content = make.content();
        try {
            List<Difference> differences = mapper.readValue(stored.differences(), DIFFERENCES);
            return new RecordedMake(
                    stored.makeId(),
                    Math.toIntExact(stored.version()),
                    madeAt,
                    content.rating(),
                    stored.exact(),
                    differences);
        } catch (IOException e) {
            throw new UncheckedIOException("stored differences of make " + stored.makeId() + " are unreadable", e);
        }
    }
}
