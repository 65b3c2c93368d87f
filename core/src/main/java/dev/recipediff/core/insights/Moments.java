package dev.recipediff.core.insights;

/**
 * Count, sum and sum of squares of a group of ratings: enough for its mean and variance, and so for a Welch
 * interval, without keeping the ratings. Adding and subtracting are exact inverses, so "the ratings without a
 * change" is all rated makes minus those with it.
 *
 * @param count how many ratings
 * @param sum   their sum
 * @param sumSq the sum of their squares
 */
public record Moments(long count, double sum, double sumSq) {

    public static Moments none() {
        return new Moments(0, 0, 0);
    }

    public Moments plus(double rating) {
        return new Moments(count + 1, sum + rating, sumSq + rating * rating);
    }

    public Moments minus(Moments other) {
        return new Moments(count - other.count, sum - other.sum, sumSq - other.sumSq);
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The sample variance (n − 1 in the denominator); 0 for fewer than two ratings or rounding below 0. */
    public double variance() {
        if (count < 2) {
            return 0;
        }
        double centred = sumSq - sum * sum / count;
        return Math.max(0, centred / (count - 1));
    }
}
