namespace Nurture.Core.Metrics.Statistics;

/// <summary>Confidence intervals for a proportion and for the difference of two proportions.</summary>
/// <remarks>
/// Wilson's score interval stays inside [0, 1] and behaves well for rates near 0 (typical conversion rates).
/// The difference uses Newcombe's hybrid score method (his method 10): with Wilson intervals (l1, u1) for p1
/// and (l2, u2) for p2 and d = p1 − p2,
/// low = d − √((p1 − l1)² + (u2 − p2)²), high = d + √((u1 − p1)² + (p2 − l2)²).
/// </remarks>
public static class ProportionIntervals
{
    /// <summary>
    /// Wilson's score interval: centre (p + z²/2n) / (1 + z²/n), half-width
    /// z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²). With no trials it is [0, 1].
    /// </summary>
    /// <param name="sample">Successes out of trials.</param>
    /// <param name="z">The normal quantile for the confidence level (1.959964 for 95 %).</param>
    public static Interval Wilson(ProportionSample sample, double z)
    {
        sample.ThrowIfInvalid();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z);
        if (sample.Trials == 0)
        {
            return new Interval(0, 1);
        }

        double n = sample.Trials;
        var p = sample.Rate;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's hybrid score interval for <paramref name="treatment"/>'s rate minus <paramref name="baseline"/>'s.</summary>
    /// <param name="treatment">The group whose uplift is measured.</param>
    /// <param name="baseline">The control (holdout or first variant).</param>
    /// <param name="z">The normal quantile for the confidence level.</param>
    public static Interval NewcombeDifference(ProportionSample treatment, ProportionSample baseline, double z)
    {
        var p1 = treatment.Rate;
        var p2 = baseline.Rate;
        var one = Wilson(treatment, z);
        var two = Wilson(baseline, z);
        var d = p1 - p2;
        var low = d - Math.Sqrt(Square(p1 - one.Low) + Square(two.High - p2));
        var high = d + Math.Sqrt(Square(one.High - p1) + Square(p2 - two.Low));
        return new Interval(low, high);
    }

    private static double Square(double x) => x * x;
}
