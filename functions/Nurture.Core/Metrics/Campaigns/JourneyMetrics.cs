namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One journey across its versions.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Funnel">The journey's funnel over all versions.</param>
/// <param name="Versions">Per version, ascending.</param>
/// <param name="Costs">ROMI and CAC; null without configured costs.</param>
/// <param name="SendTime">The send-time experiment within this journey; null when no send was in it.</param>
public sealed record JourneyMetrics(string JourneyId, FunnelMetrics Funnel, IReadOnlyList<VersionMetrics> Versions, CostMetrics? Costs, SendTimeExperiment? SendTime);
