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
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.StoredMake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refreshes a recipe's stats view on the make-write path: folds in every recorded make the view has not seen
 * (the makes after its contiguous prefix of applied ids, plus the make just written) and stores the result
 * with an optimistic revision check, retrying on a concurrent writer. Folding is idempotent, so retries,
 * replays and concurrent refreshes cannot count a make twice, and a refresh that failed is caught up by the
 * next one.
 */
public final class StatsRefresher {

    /** Makes read per refresh beyond the prefix; more than enough unless a refresh was missed many times. */
    static final int CATCH_UP_LIMIT = 100;
    static final int MAX_ATTEMPTS = 10;

    private static final TypeReference<List<Difference>> DIFFERENCES = new TypeReference<>() {
    };

    private final RecipeStatsTable stats;
    private final MakeRecords makes;
    private final RecipeVersions versions;
    private final RecipeReader reader;
    private final ObjectMapper mapper;

    public StatsRefresher(RecipeStatsTable stats, MakeRecords makes, RecipeVersions versions, RecipeReader reader,
                          ObjectMapper mapper) {
        this.stats = stats;
        this.makes = makes;
        this.versions = versions;
        this.reader = reader;
        this.mapper = mapper;
    }

    /** Folds make {@code makeId} (just written) and any make the view missed into the view. */
    public RecipeStatsView refresh(String kitchen, long recipeId, long makeId) {
        String name = versions.latest(kitchen, recipeId)
                .map(version -> reader.readRecipe(version.document().getBytes(StandardCharsets.UTF_8)).recipeName())
                .orElse(null);
        for (int attempt = 1; ; attempt++) {
            StoredStats stored = stats.find(kitchen, recipeId)
                    .orElseGet(() -> new StoredStats(RecipeStatsView.empty(recipeId, name), 0));
            RecipeStatsView view = stored.view();
            List<StoredMake> unseen = new ArrayList<>(makes.since(kitchen, recipeId, prefixEnd(view.appliedMakes()),
                    CATCH_UP_LIMIT));
            if (!view.hasApplied(makeId) && unseen.stream().noneMatch(make -> make.makeId() == makeId)) {
                makes.find(kitchen, recipeId, makeId).ifPresent(unseen::add);
            }
            RecipeStatsView refreshed = view;
            for (StoredMake make : unseen) {
                refreshed = refreshed.apply(recorded(make));
            }
            if (name != null && !name.equals(refreshed.recipeName())) {
                refreshed = refreshed.withRecipeName(name);
            }
            if (refreshed.equals(view) && stored.revision() > 0) {
                return view;
            }
            if (stats.replace(kitchen, stored, refreshed)) {
                return refreshed;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("stats view of recipe " + recipeId + " kept changing under us");
            }
        }
    }

    /** The stats view of a recipe; an empty one when nobody made it yet. */
    public RecipeStatsView view(String kitchen, long recipeId) {
        return stats.find(kitchen, recipeId).map(StoredStats::view)
                .orElseGet(() -> RecipeStatsView.empty(recipeId, null));
    }

    /** The highest id {@code n} such that makes 1..n are all applied; 0 when make 1 is not. */
    static long prefixEnd(MakeIdSet applied) {
        return applied.ranges().isEmpty() || applied.ranges().getFirst().from() != 1
                ? 0 : applied.ranges().getFirst().to();
    }

    private RecordedMake recorded(StoredMake stored) {
        Make make = reader.readMake(stored.document().getBytes(StandardCharsets.UTF_8));
        OffsetDateTime madeAt = Optional.ofNullable(make.madeAt())
                .orElseGet(() -> stored.receivedAt().atOffset(ZoneOffset.UTC));
        Recipe content = make.content();
        try {
            List<Difference> differences = mapper.readValue(stored.differences(), DIFFERENCES);
            return new RecordedMake(stored.makeId(), Math.toIntExact(stored.version()), madeAt, content.rating(),
                    stored.exact(), differences);
        } catch (IOException e) {
            throw new UncheckedIOException("stored differences of make " + stored.makeId() + " are unreadable", e);
        }
    }
}
