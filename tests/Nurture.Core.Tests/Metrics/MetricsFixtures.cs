using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Tests.Metrics;

/// <summary>Literal inputs shared by the metrics tests.</summary>
internal static class MetricsFixtures
{
    /// <summary>Monday 31 March 2025, 12:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A summary with purchases dated in days before <see cref="T0"/>.</summary>
    public static CustomerSummary Buyer(string id, int purchases, double firstDaysAgo, double lastDaysAgo, decimal revenue) =>
        new(id, purchases, T0.AddDays(-firstDaysAgo), T0.AddDays(-lastDaysAgo), revenue);

    /// <summary>
    /// Five buyers with distinct figures (recency days 2, 10, 30, 60, 200; purchases 5, 3, 2, 1, 1; revenue
    /// 500, 300, 120, 80, 50), the three repeat buyers each with a mean gap of 20 days.
    /// </summary>
    public static IReadOnlyList<CustomerSummary> FiveBuyers { get; } =
    [
        Buyer("c1", 5, 82, 2, 500m),
        Buyer("c2", 3, 50, 10, 300m),
        Buyer("c3", 2, 50, 30, 120m),
        Buyer("c4", 1, 60, 60, 80m),
        Buyer("c5", 1, 200, 200, 50m),
    ];

    /// <summary>Scoring settings that trust a cycle measured on three repeat buyers.</summary>
    public static ScoringSettings ScoreSettings => new() { MinimumRepeatBuyers = 3 };
}
