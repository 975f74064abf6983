namespace Nurture.Core.Metrics.Statistics;

/// <summary>How comparisons (holdout, split, send time) are judged; bound from <c>Metrics:Experiments</c>.</summary>
public sealed class ExperimentSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics:Experiments";

    /// <summary>Confidence level of the intervals. Default 0.95.</summary>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Power used for the sample still needed. Default 0.8.</summary>
    public double Power { get; set; } = 0.8;

    /// <summary>Fewer contacts than this in either group is never enough, whatever the interval says. Default 100.</summary>
    public int MinimumGroupSize { get; set; } = 100;

    /// <summary>The smallest effect worth detecting, relative to the baseline (0.2 = a 20 % lift). Default 0.2.</summary>
    public double RelativeMinimumEffect { get; set; } = 0.2;

    /// <summary>The smallest conversion-rate difference worth detecting however low the baseline (absolute; 0.005 = half a percentage point). Default 0.005.</summary>
    public double MinimumRateEffect { get; set; } = 0.005;

    /// <summary>The smallest revenue-per-contact difference worth detecting however low the baseline (in the shop currency). Default 0.5.</summary>
    public decimal MinimumRevenueEffect { get; set; } = 0.5m;

    /// <summary>How long after assignment (or a send) orders count toward a comparison; only groups whose window has closed are compared. Default 7 days.</summary>
    public TimeSpan ObservationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The normal quantile of the two-sided confidence level (1.959964 for 95 %).</summary>
    public double Z => Distributions.NormalQuantile(1 - ((1 - ConfidenceLevel) / 2));

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(ConfidenceLevel is > 0.5 and < 1))
        {
            problems.Add($"{SectionName}:{nameof(ConfidenceLevel)} must be above 0.5 and below 1.");
        }

        if (!(Power is > 0.5 and < 1))
        {
            problems.Add($"{SectionName}:{nameof(Power)} must be above 0.5 and below 1.");
        }

        if (MinimumGroupSize < 2)
        {
            problems.Add($"{SectionName}:{nameof(MinimumGroupSize)} must be at least 2.");
        }

        if (!(RelativeMinimumEffect > 0))
        {
            problems.Add($"{SectionName}:{nameof(RelativeMinimumEffect)} must be positive.");
        }

        if (!(MinimumRateEffect is > 0 and < 1))
        {
            problems.Add($"{SectionName}:{nameof(MinimumRateEffect)} must be above 0 and below 1.");
        }

        if (MinimumRevenueEffect <= 0)
        {
            problems.Add($"{SectionName}:{nameof(MinimumRevenueEffect)} must be positive.");
        }

        if (ObservationWindow <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(ObservationWindow)} must be positive.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid() => SettingsGuard.ThrowIfAny(Problems(), nameof(ExperimentSettings));
}
