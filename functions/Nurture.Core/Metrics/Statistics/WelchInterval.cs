namespace Nurture.Core.Metrics.Statistics;

/// <summary>Welch's interval for the difference of two means with unequal variances.</summary>
/// <remarks>
/// d = m1 − m2, se = √(s1²/n1 + s2²/n2), degrees of freedom
/// ν = se⁴ / ((s1²/n1)²/(n1 − 1) + (s2²/n2)²/(n2 − 1)) (Welch–Satterthwaite), interval d ± t(1 − α/2, ν) · se.
/// </remarks>
public static class WelchInterval
{
    /// <summary>The interval for <paramref name="treatment"/>'s mean minus <paramref name="baseline"/>'s; null unless both have two or more values.</summary>
    /// <param name="treatment">The group whose uplift is measured.</param>
    /// <param name="baseline">The control.</param>
    /// <param name="confidence">The confidence level, e.g. 0.95.</param>
    /// <param name="degreesOfFreedom">The Welch–Satterthwaite degrees of freedom (infinity when both variances are zero).</param>
    public static Interval? Difference(MeanSample treatment, MeanSample baseline, double confidence, out double degreesOfFreedom)
    {
        degreesOfFreedom = double.NaN;
        if (treatment.Count < 2 || baseline.Count < 2)
        {
            return null;
        }

        var a = treatment.Variance / treatment.Count;
        var b = baseline.Variance / baseline.Count;
        var d = treatment.Mean - baseline.Mean;
        var se = Math.Sqrt(a + b);
        if (se == 0)
        {
            degreesOfFreedom = double.PositiveInfinity;
            return new Interval(d, d);
        }

        degreesOfFreedom = (a + b) * (a + b) / ((a * a / (treatment.Count - 1)) + (b * b / (baseline.Count - 1)));
        var t = Distributions.StudentTQuantile(1 - ((1 - confidence) / 2), degreesOfFreedom);
        return new Interval(d - (t * se), d + (t * se));
    }
}
