package dev.recipediff.core.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one ingredient's quantity (or one step parameter) moved across makes, oldest first. Only the latest
 * {@link #LIMIT} points are kept (by make time, then make id), so the stored view stays small; which points are
 * kept does not depend on the order the makes were folded in.
 *
 * @param label    what drifted ("cinnamon", "step 2 oven temperature")
 * @param unit     the normalised unit of every value in the series
 * @param observed how many makes changed it in total (also those no longer in {@code points})
 * @param points   at most {@link #LIMIT} points, oldest first
 */
public record DriftSeries(String label, String unit, long observed, List<SeriesPoint> points) {

    /** Points kept per series. */
    public static final int LIMIT = 50;

    static final Comparator<SeriesPoint> BY_TIME =
            Comparator.comparing(SeriesPoint::madeAt).thenComparingLong(SeriesPoint::makeId);

    public DriftSeries {
        points = points == null ? List.of() : List.copyOf(points);
    }

    static DriftSeries of(String label, String unit, SeriesPoint point) {
        return new DriftSeries(label, unit, 1, List.of(point));
    }

    DriftSeries plus(String newLabel, SeriesPoint point) {
        List<SeriesPoint> more = new ArrayList<>(points);
        more.add(point);
        more.sort(BY_TIME);
        List<SeriesPoint> kept = more.size() > LIMIT ? more.subList(more.size() - LIMIT, more.size()) : more;
        boolean newest = kept.getLast().equals(point);
        return new DriftSeries(newest ? newLabel : label, unit, observed + 1, kept);
    }
}
