using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One send step's funnel and its variants'.</summary>
internal sealed class StepTally(MessageChannel channel)
{
    public MessageChannel Channel { get; } = channel;

    public FunnelTally Total { get; } = new();

    public SortedDictionary<string, FunnelTally> Variants { get; } = new(StringComparer.Ordinal);
}
