package dev.recipediff.core.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ids of the makes already folded into a {@link RecipeStatsView}, stored as sorted, disjoint, non-adjacent
 * ranges. Make ids are 1-based per recipe and never reused, so a recipe's ids are nearly always one range
 * ({@code [1, n]}): the set stays a few numbers long however many makes accumulate.
 *
 * @param ranges sorted by {@code from}, disjoint and non-adjacent
 */
public record MakeIdSet(List<Range> ranges) {

    /** The inclusive range {@code [from, to]}. */
    public record Range(long from, long to) {
        public Range {
            if (to < from) {
                throw new IllegalArgumentException("range [" + from + ", " + to + "] is empty");
            }
        }
    }

    public MakeIdSet {
        ranges = ranges == null ? List.of() : normalise(ranges);
    }

    public static MakeIdSet empty() {
        return new MakeIdSet(List.of());
    }

    public boolean contains(long makeId) {
        for (Range range : ranges) {
            if (makeId < range.from()) {
                return false;
            }
            if (makeId <= range.to()) {
                return true;
            }
        }
        return false;
    }

    public long size() {
        return ranges.stream().mapToLong(r -> r.to() - r.from() + 1).sum();
    }

    public MakeIdSet with(long makeId) {
        if (contains(makeId)) {
            return this;
        }
        List<Range> more = new ArrayList<>(ranges);
        more.add(new Range(makeId, makeId));
        return new MakeIdSet(more);
    }

    private static List<Range> normalise(List<Range> input) {
        List<Range> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(Range::from));
        List<Range> merged = new ArrayList<>();
        for (Range next : sorted) {
            if (!merged.isEmpty()) {
                Range last = merged.getLast();
                if (next.from() <= last.to() + 1) {
                    merged.set(merged.size() - 1, new Range(last.from(), Math.max(last.to(), next.to())));
                    continue;
                }
            }
            merged.add(next);
        }
        return List.copyOf(merged);
    }
}
