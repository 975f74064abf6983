namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One journey's funnels, versions and send-time experiment.</summary>
internal sealed class JourneyTally
{
    public FunnelTally Total { get; } = new();

    public SortedDictionary<int, VersionTally> Versions { get; } = new();

    public SendTimeTally SendTime { get; } = new();

    public VersionTally Version(int version)
    {
        if (!Versions.TryGetValue(version, out var tally))
        {
            tally = new VersionTally();
            Versions.Add(version, tally);
        }

        return tally;
    }
}
