package dev.recipediff.core.insights;

import dev.recipediff.core.analytics.MakeIdSet;
import dev.recipediff.core.analytics.RecordedMake;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The insights accumulator of one recipe version: a fold over the makes compared with that version, updated per
 * make on the make-write path like the stats view, so that answering {@code GET /recipes/{id}/insights} never
 * reads the makes. It keeps counts and rating moments (count, sum, sum of squares) overall and per
 * {@link ChangeKey}, plus each key's values ({@link ValueSketch}) and texts ({@link TextCounts}) — never the
 * makes.
 *
 * <p>Folding is idempotent (a make id already applied changes nothing) and, while at most {@link #MAX_KEYS}
 * keys have been seen, order-independent: every field is a sum or a count. Beyond that the least made key
 * (not one this make made, so that a new change gets its chance) is dropped ({@code droppedKeys}), and a key first seen after a drop is tracked from that make on (its
 * {@code since} totals), so its "without" group holds only later makes: never a make counted on the wrong side.
 *
 * @param recipeId     the recipe
 * @param version      the version the makes were compared with
 * @param appliedMakes the ids of the makes folded in
 * @param makes        how many makes
 * @param exactMakes   how many were made as written (nothing changed but the cook's rating)
 * @param rated        the ratings of all rated makes
 * @param keys         per {@link ChangeKey#id()}: its tally
 * @param droppedKeys  how many key tallies were dropped at the cap
 */
public record InsightsState(
        long recipeId,
        int version,
        MakeIdSet appliedMakes,
        long makes,
        long exactMakes,
        Moments rated,
        Map<String, KeyTally> keys,
        long droppedKeys) {

    /** Keys tracked at most per version; a recipe's cooks rarely make more than a few dozen distinct changes. */
    public static final int MAX_KEYS = 100;

    public InsightsState {
        appliedMakes = appliedMakes == null ? MakeIdSet.empty() : appliedMakes;
        rated = rated == null ? Moments.none() : rated;
        keys = keys == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    public static InsightsState empty(long recipeId, int version) {
        return new InsightsState(recipeId, version, MakeIdSet.empty(), 0, 0, Moments.none(), Map.of(), 0);
    }

    /** The state rebuilt from every recorded make of the version (makes of other versions are ignored). */
    public static InsightsState rebuild(long recipeId, int version, Collection<RecordedMake> recorded) {
        InsightsState state = empty(recipeId, version);
        for (RecordedMake make : recorded) {
            state = state.apply(make);
        }
        return state;
    }

    public boolean hasApplied(long makeId) {
        return appliedMakes.contains(makeId);
    }

    /** This state with {@code make} folded in; this very state for a make already applied or of another version. */
    public InsightsState apply(RecordedMake make) {
        if (make.version() != version || hasApplied(make.makeId())) {
            return this;
        }
        Double rating = make.rating();
        Map<String, KeyTally> tallies = new TreeMap<>(keys);
        long dropped = droppedKeys;
        Set<String> made = new HashSet<>();
        for (ChangeKeys.Observed observed : ChangeKeys.of(make.differences())) {
            String id = observed.key().id();
            made.add(id);
            KeyTally tally = tallies.get(id);
            if (tally == null) {
                tally = droppedKeys == 0
                        ? KeyTally.start(observed.key(), 0, Moments.none())
                        : KeyTally.start(observed.key(), makes, rated);
            }
            tallies.put(id, tally.plus(observed, rating));
        }
        while (tallies.size() > MAX_KEYS) {
            String weakest = tallies.entrySet().stream()
                    .filter(entry -> !made.contains(entry.getKey()) || made.size() >= tallies.size())
                    .min(Map.Entry.<String, KeyTally>comparingByValue(Comparator.comparingLong(KeyTally::makes))
                            .thenComparing(
                                    Map.Entry.<String, KeyTally>comparingByKey().reversed()))
                    .orElseThrow()
                    .getKey();
            tallies.remove(weakest);
            dropped++;
        }
        boolean asWritten = ChangeKeys.asWritten(make.differences());
        return new InsightsState(
                recipeId,
                version,
                appliedMakes.with(make.makeId()),
                makes + 1,
                exactMakes + (asWritten ? 1 : 0),
                rating == null ? rated : rated.plus(rating),
                tallies,
                dropped);
    }
}
