namespace Nurture.Core.Metrics.Statistics;

/// <summary>A treatment's mean (revenue per contact) against a baseline's: the difference with its Welch interval and what it means.</summary>
/// <param name="TreatmentCount">Contacts in the treatment.</param>
/// <param name="TreatmentMean">Mean per contact in the treatment.</param>
/// <param name="BaselineCount">Contacts in the baseline.</param>
/// <param name="BaselineMean">Mean per contact in the baseline.</param>
/// <param name="Difference">Treatment mean minus baseline mean.</param>
/// <param name="Interval">Welch's interval for the difference; null with fewer than two contacts in a group.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom; null without an interval or when both variances are zero.</param>
/// <param name="RelativeUplift">Difference over the baseline mean; null when the baseline mean is zero.</param>
/// <param name="MinimumEffect">The smallest difference worth detecting that the verdict and sample size use.</param>
/// <param name="Verdict">What can be said so far.</param>
/// <param name="SampleStillNeeded">With <see cref="UpliftVerdict.NotEnoughData"/>: how many more per group; null when no amount has varied yet, so no size can be computed.</param>
public sealed record MeanComparison(
    int TreatmentCount,
    double TreatmentMean,
    int BaselineCount,
    double BaselineMean,
    double Difference,
    Interval? Interval,
    double? DegreesOfFreedom,
    double? RelativeUplift,
    double MinimumEffect,
    UpliftVerdict Verdict,
    GroupSizes? SampleStillNeeded);
