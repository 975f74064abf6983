namespace Nurture.Core.Metrics.Campaigns;

/// <summary>The funnel of one split variant (as sends record it: comma-joined when a journey has several splits).</summary>
/// <param name="Variant">The variant.</param>
/// <param name="Funnel">Its funnel.</param>
public sealed record VariantMetrics(string Variant, FunnelMetrics Funnel);
