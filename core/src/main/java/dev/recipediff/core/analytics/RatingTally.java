package dev.recipediff.core.analytics;

/**
 * Count and sum of the ratings of a group of makes, so that the average can be kept without the ratings.
 *
 * @param count how many rated makes
 * @param sum   the sum of their ratings
 */
public record RatingTally(long count, double sum) {

    public static RatingTally none() {
        return new RatingTally(0, 0);
    }

    public RatingTally plus(Double rating) {
        return rating == null ? this : new RatingTally(count + 1, sum + rating);
    }

    public RatingTally plus(RatingTally other) {
        return new RatingTally(count + other.count, sum + other.sum);
    }

    /** The average rating, rounded to two decimals; {@code null} when no make was rated. */
    public Double average() {
        return count == 0 ? null : Math.round(sum / count * 100) / 100.0;
    }
}
