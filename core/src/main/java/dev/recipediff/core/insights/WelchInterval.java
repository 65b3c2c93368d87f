package dev.recipediff.core.insights;

/**
 * Welch's t interval for the difference of two means with unequal variances: deterministic and computed from
 * each group's count, sum and sum of squares alone ({@link Moments}), so it needs no ratings kept.
 *
 * <p>{@code delta = mean(with) − mean(without)}, standard error {@code se = √(s₁²/n₁ + s₂²/n₂)}, degrees of freedom
 * by the Welch–Satterthwaite formula, and the interval {@code delta ± t(0.975, df) · se}. The t quantile is found by
 * bisection on Student's t distribution (regularised incomplete beta function, continued fraction), accurate to
 * far better than the two decimals reported. When both groups have no spread at all, {@code se} is 0 and the
 * interval is the single point {@code delta}.
 *
 * @param delta the difference of the means
 * @param low   the interval's lower end
 * @param high  the interval's upper end
 */
public record WelchInterval(double delta, double low, double high) {

    /** The 95 % interval of {@code mean(with) − mean(without)}; both groups need at least two ratings. */
    public static WelchInterval of(Moments with, Moments without) {
        if (with.count() < 2 || without.count() < 2) {
            throw new IllegalArgumentException("Welch's interval needs at least two ratings on each side");
        }
        double delta = with.mean() - without.mean();
        double a = with.variance() / with.count();
        double b = without.variance() / without.count();
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return new WelchInterval(delta, delta, delta);
        }
        double df = (a + b) * (a + b) / (a * a / (with.count() - 1) + b * b / (without.count() - 1));
        double t = tQuantile(0.975, df);
        return new WelchInterval(delta, delta - t * se, delta + t * se);
    }

    /** Whether the interval leaves 0 out: the data say the change goes with a better (or worse) rating. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    /** The {@code p}-quantile (p > 0.5) of Student's t distribution with {@code df} degrees of freedom. */
    static double tQuantile(double p, double df) {
        double lo = 0;
        double hi = 1;
        while (tCdf(hi, df) < p && hi < 1e6) {
            hi *= 2;
        }
        for (int i = 0; i < 100 && hi - lo > 1e-10; i++) {
            double mid = (lo + hi) / 2;
            if (tCdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(T ≤ t) for t ≥ 0. */
    static double tCdf(double t, double df) {
        double x = df / (df + t * t);
        return 1 - 0.5 * regularizedBeta(x, df / 2, 0.5);
    }

    /** I_x(a, b), by the continued fraction (Numerical Recipes' betacf), using the symmetry for large x. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error below 1e-13). */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) {
            sum += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
