namespace Nurture.Core.Metrics.Statistics;

/// <summary>How many contacts per group a comparison needs to detect an effect (two-sided test).</summary>
/// <remarks>
/// With allocation ratio k = n_treatment / n_baseline, significance α and power 1 − β:
/// proportions (Fleiss): n_baseline = (z(1 − α/2)·√(p̄q̄(1 + 1/k)) + z(1 − β)·√(p0q0 + p1q1/k))² / δ², where
/// p1 = p0 + δ and p̄ = (p0 + k·p1)/(1 + k); means: n_baseline = (z(1 − α/2) + z(1 − β))² · (s0² + s1²/k) / δ².
/// In both, n_treatment = k · n_baseline.
/// </remarks>
public static class SampleSize
{
    /// <summary>The group sizes needed to detect a change of <paramref name="effect"/> from a baseline rate.</summary>
    /// <param name="baselineRate">The baseline's rate p0.</param>
    /// <param name="effect">The smallest difference worth detecting, δ &gt; 0 (absolute).</param>
    /// <param name="ratio">Allocation ratio k = treatment size / baseline size (positive).</param>
    /// <param name="confidence">1 − α.</param>
    /// <param name="power">1 − β.</param>
    public static GroupSizes ForProportions(double baselineRate, double effect, double ratio, double confidence, double power)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(effect);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratio);
        var p0 = Math.Clamp(baselineRate, 0, 1);
        // Look for an increase unless it would leave [0, 1]; the size is the same for a decrease of that size.
        var p1 = p0 + effect <= 1 ? p0 + effect : p0 - effect;
        if (p1 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect cannot exceed the room on either side of the baseline rate.");
        }

        var pBar = (p0 + (ratio * p1)) / (1 + ratio);
        var za = Distributions.NormalQuantile(1 - ((1 - confidence) / 2));
        var zb = Distributions.NormalQuantile(power);
        var root = (za * Math.Sqrt(pBar * (1 - pBar) * (1 + (1 / ratio)))) + (zb * Math.Sqrt((p0 * (1 - p0)) + (p1 * (1 - p1) / ratio)));
        var baseline = root * root / (effect * effect);
        return GroupSizes.From(baseline, ratio);
    }

    /// <summary>The group sizes needed to detect a change of <paramref name="effect"/> in a mean.</summary>
    /// <param name="baselineVariance">s0², the baseline's variance.</param>
    /// <param name="treatmentVariance">s1², the treatment's variance.</param>
    /// <param name="effect">The smallest difference worth detecting, δ &gt; 0.</param>
    /// <param name="ratio">Allocation ratio k = treatment size / baseline size (positive).</param>
    /// <param name="confidence">1 − α.</param>
    /// <param name="power">1 − β.</param>
    public static GroupSizes ForMeans(double baselineVariance, double treatmentVariance, double effect, double ratio, double confidence, double power)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(effect);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratio);
        var z = Distributions.NormalQuantile(1 - ((1 - confidence) / 2)) + Distributions.NormalQuantile(power);
        var baseline = z * z * (baselineVariance + (treatmentVariance / ratio)) / (effect * effect);
        return GroupSizes.From(baseline, ratio);
    }
}
