namespace Nurture.Core.Metrics.Statistics;

/// <summary>A treatment's rate against a baseline's: the difference with its interval and what it means.</summary>
/// <param name="Treatment">Successes out of trials in the treatment.</param>
/// <param name="Baseline">Successes out of trials in the baseline.</param>
/// <param name="Difference">Treatment rate minus baseline rate (absolute, 0.012 = 1.2 percentage points).</param>
/// <param name="Interval">Newcombe's interval for the difference.</param>
/// <param name="RelativeUplift">Difference over the baseline rate; null when the baseline rate is zero.</param>
/// <param name="MinimumEffect">The smallest difference worth detecting that the verdict and sample size use.</param>
/// <param name="Verdict">What can be said so far.</param>
/// <param name="SampleStillNeeded">With <see cref="UpliftVerdict.NotEnoughData"/>: how many more per group, keeping the current allocation.</param>
public sealed record ProportionComparison(
    ProportionSample Treatment,
    ProportionSample Baseline,
    double Difference,
    Interval Interval,
    double? RelativeUplift,
    double MinimumEffect,
    UpliftVerdict Verdict,
    GroupSizes? SampleStillNeeded);
