namespace Nurture.Core.Metrics.Retention;

/// <summary>How cohorts and CLV are computed; bound from <c>Metrics:Retention</c>.</summary>
public sealed class RetentionSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics:Retention";

    /// <summary>The shop's IANA time zone, where weeks and months begin. Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How many of the latest weekly cohorts the report shows (older ones still count in the summary). Default 26.</summary>
    public int WeeklyCohorts { get; set; } = 26;

    /// <summary>How many of the latest monthly cohorts the report shows. Default 24.</summary>
    public int MonthlyCohorts { get; set; } = 24;

    /// <summary>The period W of the churn rate and the predictive CLV (customers of one W who buy again in the next). Default 365 days.</summary>
    public TimeSpan ChurnWindow { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The predictive CLV's expected lifetime is capped at this many windows. Default 5.</summary>
    public double MaximumLifetimeWindows { get; set; } = 5;

    /// <summary>Share of revenue that is profit, applied to the predictive CLV (1 = revenue CLV). Default 1.</summary>
    public decimal GrossMargin { get; set; } = 1m;

    /// <summary>The time zone, resolved.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"{SectionName}:{nameof(TimeZone)} '{TimeZone}' is not a known time zone id (IANA, e.g. Europe/Berlin).");
        }

        if (WeeklyCohorts < 1 || MonthlyCohorts < 1)
        {
            problems.Add($"{SectionName}: {nameof(WeeklyCohorts)} and {nameof(MonthlyCohorts)} must be at least 1.");
        }

        if (ChurnWindow < TimeSpan.FromDays(1))
        {
            problems.Add($"{SectionName}:{nameof(ChurnWindow)} must be at least one day.");
        }

        if (!(MaximumLifetimeWindows >= 1))
        {
            problems.Add($"{SectionName}:{nameof(MaximumLifetimeWindows)} must be at least 1.");
        }

        if (GrossMargin is <= 0 or > 1)
        {
            problems.Add($"{SectionName}:{nameof(GrossMargin)} must be above 0 and at most 1.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid() => SettingsGuard.ThrowIfAny(Problems(), nameof(RetentionSettings));
}
