using Nurture.Core.Metrics.Scoring;

namespace Nurture.Core.Metrics.Retention;

/// <summary>A shop's retention report: aggregates only, keyed by cohort, with no contact in it.</summary>
/// <param name="AsOf">The time it holds for.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="TimeZone">The time zone periods are cut in.</param>
/// <param name="Thresholds">The lifecycle thresholds churn was judged by.</param>
/// <param name="Summary">Shop-wide figures.</param>
/// <param name="Weekly">Weekly cohorts.</param>
/// <param name="Monthly">Monthly cohorts.</param>
/// <param name="OtherCurrencyOrders">Orders left out for being in another currency.</param>
/// <param name="UnmatchedRefunds">Refunds of orders not among the facts (left out).</param>
public sealed record RetentionReport(
    DateTimeOffset AsOf,
    string? Currency,
    string TimeZone,
    LifecycleThresholds Thresholds,
    RetentionSummary Summary,
    CohortTable Weekly,
    CohortTable Monthly,
    int OtherCurrencyOrders,
    int UnmatchedRefunds);
