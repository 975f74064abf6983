namespace Nurture.Core.Metrics.Campaigns;

/// <summary>A shop's campaign report: aggregates keyed by journey, version, step and variant, with no contact in it.</summary>
/// <param name="AsOf">The time it holds for; facts after it are left out.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="EmailAttributionWindow">The email window used.</param>
/// <param name="SmsAttributionWindow">The SMS window used.</param>
/// <param name="Journeys">Per journey, by id.</param>
/// <param name="Totals">All journeys together.</param>
/// <param name="Costs">ROMI and CAC over all journeys; null without configured costs.</param>
/// <param name="SendTime">The send-time experiment over all journeys; null when no send was in it.</param>
/// <param name="DataQuality">What could not be used.</param>
public sealed record CampaignReport(
    DateTimeOffset AsOf,
    string? Currency,
    TimeSpan EmailAttributionWindow,
    TimeSpan SmsAttributionWindow,
    IReadOnlyList<JourneyMetrics> Journeys,
    FunnelMetrics Totals,
    CostMetrics? Costs,
    SendTimeExperiment? SendTime,
    CampaignDataQuality DataQuality);
