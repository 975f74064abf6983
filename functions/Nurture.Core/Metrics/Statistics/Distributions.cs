namespace Nurture.Core.Metrics.Statistics;

/// <summary>Quantiles of the normal and Student t distributions, computed without any library.</summary>
/// <remarks>
/// The normal quantile is Acklam's rational approximation (relative error below 1.2e-9). The t distribution's
/// CDF is the regularised incomplete beta function (continued fraction, modified Lentz), and its quantile is
/// found by bisection on that CDF, so it is accurate to about 1e-10 for any degrees of freedom.
/// </remarks>
public static class Distributions
{
    private const double LowTail = 0.02425;

    private static readonly double[] A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716, 2.506628277459239];
    private static readonly double[] B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
    private static readonly double[] C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    private static readonly double[] D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    private static readonly double[] Lanczos = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

    /// <summary>The value below which a standard normal variable falls with probability <paramref name="p"/>.</summary>
    /// <param name="p">A probability strictly between 0 and 1.</param>
    public static double NormalQuantile(double p)
    {
        ThrowIfNotProbability(p);
        if (p < LowTail)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - LowTail)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5]) * r
            / (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1);
    }

    /// <summary>The probability that a Student t variable with <paramref name="degreesOfFreedom"/> is at most <paramref name="t"/>.</summary>
    /// <param name="t">The value.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom (positive, need not be whole).</param>
    public static double StudentTCdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        var tail = 0.5 * RegularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The value below which a Student t variable falls with probability <paramref name="p"/>.</summary>
    /// <param name="p">A probability strictly between 0 and 1.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom (positive, need not be whole; infinity gives the normal quantile).</param>
    public static double StudentTQuantile(double p, double degreesOfFreedom)
    {
        ThrowIfNotProbability(p);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsPositiveInfinity(degreesOfFreedom) || degreesOfFreedom > 1e7)
        {
            return NormalQuantile(p);
        }

        if (p < 0.5)
        {
            return -StudentTQuantile(1 - p, degreesOfFreedom);
        }

        var high = 1d;
        while (StudentTCdf(high, degreesOfFreedom) < p)
        {
            high *= 2;
        }

        var low = 0d;
        for (var i = 0; i < 200 && high - low > 1e-12 * Math.Max(1, high); i++)
        {
            var mid = (low + high) / 2;
            if (StudentTCdf(mid, degreesOfFreedom) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The regularised incomplete beta function I_x(a, b).</summary>
    internal static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1 - (front * BetaContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps the series in its accurate range.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        var c = 1d;
        var d = 1 - ((a + b) * x / (a + 1));
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        var result = d;
        for (var m = 1; m <= 500; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / NonZero(1 + (even * d));
            c = NonZero(1 + (even / c));
            result *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / NonZero(1 + (odd * d));
            c = NonZero(1 + (odd / c));
            var step = d * c;
            result *= step;
            if (Math.Abs(step - 1) < 1e-15)
            {
                break;
            }
        }

        return result;

        static double NonZero(double value) => Math.Abs(value) < tiny ? tiny : value;
    }

    private static double Tail(double q) =>
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);

    private static void ThrowIfNotProbability(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is required.");
        }
    }
}
