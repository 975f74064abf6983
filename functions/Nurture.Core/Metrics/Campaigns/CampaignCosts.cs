namespace Nurture.Core.Metrics.Campaigns;

/// <summary>What sending costs, for ROMI and CAC; bound from <c>Metrics:Costs</c>. Nothing set means no cost figures.</summary>
public sealed class CampaignCosts
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics:Costs";

    /// <summary>Cost of one email sent; null when unknown.</summary>
    public decimal? PerEmail { get; set; }

    /// <summary>Cost of one SMS sent; null when unknown.</summary>
    public decimal? PerSms { get; set; }

    /// <summary>Fixed cost per journey id (design, tooling) over the report's period.</summary>
    public IDictionary<string, decimal> PerJourney { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Whether a journey has any cost configured.</summary>
    /// <param name="journeyId">The journey.</param>
    public bool AppliesTo(string journeyId) => PerEmail is not null || PerSms is not null || PerJourney.ContainsKey(journeyId);

    /// <summary>A journey's cost: emails × per email + SMS × per SMS + its fixed cost.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="emails">Emails sent.</param>
    /// <param name="sms">SMS sent.</param>
    public decimal CostOf(string journeyId, int emails, int sms) =>
        (emails * (PerEmail ?? 0m)) + (sms * (PerSms ?? 0m)) + (PerJourney.TryGetValue(journeyId, out var fixedCost) ? fixedCost : 0m);

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PerEmail < 0 || PerSms < 0)
        {
            problems.Add($"{SectionName}: {nameof(PerEmail)} and {nameof(PerSms)} must not be negative.");
        }

        foreach (var (journey, cost) in PerJourney)
        {
            if (cost < 0)
            {
                problems.Add($"{SectionName}:{nameof(PerJourney)}:{journey} must not be negative.");
            }
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid() => SettingsGuard.ThrowIfAny(Problems(), nameof(CampaignCosts));
}
