using Nurture.Core.Metrics.Facts;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One journey version's funnels and split assignments.</summary>
internal sealed class VersionTally
{
    public FunnelTally Total { get; } = new();

    public SortedDictionary<string, StepTally> Steps { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FunnelTally> Variants { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, List<SplitAssignmentFact>> Splits { get; } = new(StringComparer.Ordinal);
}
