namespace Nurture.Core.Metrics.Statistics;

/// <summary>Compares a treatment with a baseline and says whether the data is enough yet.</summary>
/// <remarks>
/// <para>Verdict: with fewer than <see cref="ExperimentSettings.MinimumGroupSize"/> in either group, or an
/// interval that contains zero and is wider (half-width) than the smallest effect worth detecting δ, there is
/// not enough data. An interval entirely above (below) zero means better (worse); one that contains zero
/// and is narrower than δ means no meaningful difference.</para>
/// <para>δ for rates is max(relative minimum effect × baseline rate, minimum rate effect); for revenue per
/// contact max(relative minimum effect × |baseline mean|, minimum revenue effect).</para>
/// <para>Sample still needed: the power calculation of <see cref="SampleSize"/> at the current allocation,
/// minus what each group has (at least the minimum group size). When that is already met but the interval
/// is still too wide, each group is scaled by (half-width / δ)², the factor that shrinks the interval to δ.</para>
/// </remarks>
public static class UpliftAnalysis
{
    /// <summary>Compares two rates (conversion, open, click).</summary>
    /// <param name="treatment">The group whose uplift is measured.</param>
    /// <param name="baseline">The control.</param>
    /// <param name="settings">Confidence, power and the smallest effect worth detecting.</param>
    public static ProportionComparison CompareRates(ProportionSample treatment, ProportionSample baseline, ExperimentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        treatment.ThrowIfInvalid();
        baseline.ThrowIfInvalid();
        var p0 = baseline.Rate;
        var interval = ProportionIntervals.NewcombeDifference(treatment, baseline, settings.Z);
        var effect = Math.Min(Math.Max(settings.RelativeMinimumEffect * p0, settings.MinimumRateEffect), Math.Max(p0, 1 - p0));
        var verdict = Judge(interval, effect, treatment.Trials, baseline.Trials, settings.MinimumGroupSize);
        GroupSizes? needed = null;
        if (verdict == UpliftVerdict.NotEnoughData)
        {
            var required = SampleSize.ForProportions(p0, effect, Ratio(treatment.Trials, baseline.Trials), settings.ConfidenceLevel, settings.Power);
            needed = StillNeeded(required, treatment.Trials, baseline.Trials, settings.MinimumGroupSize, interval.HalfWidth / effect);
        }

        return new ProportionComparison(
            treatment,
            baseline,
            treatment.Rate - p0,
            interval,
            p0 == 0 ? null : (treatment.Rate - p0) / p0,
            effect,
            verdict,
            needed);
    }

    /// <summary>Compares two means (revenue per contact) with Welch's interval.</summary>
    /// <param name="treatment">The group whose uplift is measured.</param>
    /// <param name="baseline">The control.</param>
    /// <param name="settings">Confidence, power and the smallest effect worth detecting.</param>
    public static MeanComparison CompareMeans(MeanSample treatment, MeanSample baseline, ExperimentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        var m0 = baseline.Mean;
        var difference = treatment.Mean - m0;
        var effect = Math.Max(settings.RelativeMinimumEffect * Math.Abs(m0), (double)settings.MinimumRevenueEffect);
        var interval = WelchInterval.Difference(treatment, baseline, settings.ConfidenceLevel, out var df);
        var varies = treatment.Variance > 0 || baseline.Variance > 0;
        var verdict = interval is { } known && varies
            ? Judge(known, effect, treatment.Count, baseline.Count, settings.MinimumGroupSize)
            : UpliftVerdict.NotEnoughData;
        GroupSizes? needed = null;
        if (verdict == UpliftVerdict.NotEnoughData && varies)
        {
            var required = SampleSize.ForMeans(baseline.Variance, treatment.Variance, effect, Ratio(treatment.Count, baseline.Count), settings.ConfidenceLevel, settings.Power);
            needed = StillNeeded(required, treatment.Count, baseline.Count, settings.MinimumGroupSize, interval is { } i ? i.HalfWidth / effect : 1);
        }

        return new MeanComparison(
            treatment.Count,
            treatment.Mean,
            baseline.Count,
            m0,
            difference,
            interval,
            double.IsFinite(df) ? df : null,
            m0 == 0 ? null : difference / m0,
            effect,
            verdict,
            needed);
    }

    private static UpliftVerdict Judge(Interval interval, double effect, int treatmentSize, int baselineSize, int minimumGroupSize)
    {
        if (treatmentSize < minimumGroupSize || baselineSize < minimumGroupSize)
        {
            return UpliftVerdict.NotEnoughData;
        }

        if (interval.IsAboveZero)
        {
            return UpliftVerdict.Better;
        }

        if (interval.IsBelowZero)
        {
            return UpliftVerdict.Worse;
        }

        return interval.HalfWidth <= effect ? UpliftVerdict.NoMeaningfulDifference : UpliftVerdict.NotEnoughData;
    }

    private static double Ratio(int treatmentSize, int baselineSize) =>
        treatmentSize > 0 && baselineSize > 0 ? (double)treatmentSize / baselineSize : 1;

    private static GroupSizes StillNeeded(GroupSizes required, int treatmentSize, int baselineSize, int minimumGroupSize, double widthRatio)
    {
        var treatment = Math.Max(0, Math.Max(required.Treatment, minimumGroupSize) - treatmentSize);
        var baseline = Math.Max(0, Math.Max(required.Baseline, minimumGroupSize) - baselineSize);
        if (treatment == 0 && baseline == 0)
        {
            var scale = Math.Max(widthRatio * widthRatio, 1) - 1;
            treatment = Math.Max(1, (int)Math.Ceiling(treatmentSize * scale));
            baseline = Math.Max(1, (int)Math.Ceiling(baselineSize * scale));
        }

        return new GroupSizes(treatment, baseline);
    }
}
