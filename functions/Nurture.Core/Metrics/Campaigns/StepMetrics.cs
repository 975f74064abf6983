using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>The funnel of one send step, overall and per variant.</summary>
/// <param name="NodeId">The send node.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Funnel">The step's funnel.</param>
/// <param name="Variants">Per variant, by name.</param>
public sealed record StepMetrics(string NodeId, MessageChannel Channel, FunnelMetrics Funnel, IReadOnlyList<VariantMetrics> Variants);
