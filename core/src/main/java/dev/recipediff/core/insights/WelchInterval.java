package dev.recipediff.core.insights;

/**
 * Welch's t interval for the difference of two means with unequal variances: deterministic and computed from
 * each group's count, sum and sum of squares alone ({@link Moments}), so it needs no ratings kept.
 *
 * <p>{@code delta = mean(with) − mean(without)}, standard error {@code se = √(s₁²/n₁ + s₂²/n₂)}, degrees of freedom
 * by the Welch–Satterthwaite formula, and the interval {@code delta ± t(0.975, df) · se}. The t quantile is
 * found by Newton's method on Student's t distribution (regularised incomplete beta function, continued fraction)
 * from the Cornish–Fisher start, accurate to far better than the two decimals reported. When both groups have
 * no spread at all, {@code se} is 0 and the interval is the single point {@code delta}.
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

    /**
     * The {@code p}-quantile (p > 0.5) of Student's t distribution with {@code df} degrees of freedom: the
     * Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5) as a start, then Newton steps on the exact
     * distribution function; bisection when those do not settle (they do for every df ≥ 1 tried).
     */
    static double tQuantile(double p, double df) {
        double z = normalQuantile(p);
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        double t = z
                + (z3 + z) / (4 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df * df * df * df);
        double logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
        for (int i = 0; i < 8 && Double.isFinite(t) && t > 0; i++) {
            double error = tCdf(t, df) - p;
            if (Math.abs(error) < 1e-12) {
                return t;
            }
            double density = Math.exp(logNorm - (df + 1) / 2 * Math.log1p(t * t / df));
            t -= error / density;
        }
        return bisection(p, df);
    }

    static double bisection(double p, double df) {
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

    /** The standard normal quantile for p in (0.5, 1) (Acklam's rational approximation, relative error < 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        if (p > 0.97575) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
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
        double[] g = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
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
