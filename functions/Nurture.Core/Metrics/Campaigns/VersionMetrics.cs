namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One journey version: its funnel, its steps, its variants and its split experiments.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Funnel">The version's funnel.</param>
/// <param name="Steps">Per send step, by node id.</param>
/// <param name="Variants">Per variant, by name.</param>
/// <param name="Splits">Per split node: groups and uplift.</param>
public sealed record VersionMetrics(int Version, FunnelMetrics Funnel, IReadOnlyList<StepMetrics> Steps, IReadOnlyList<VariantMetrics> Variants, IReadOnlyList<SplitExperiment> Splits);
