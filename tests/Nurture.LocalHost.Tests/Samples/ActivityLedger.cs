using System.Collections.Concurrent;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Counts activity executions per orchestration instance, so tests can see an activity ran once (or again).</summary>
public sealed class ActivityLedger
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public void Record(string instanceId, string activity) => _counts.AddOrUpdate($"{instanceId}/{activity}", 1, (_, n) => n + 1);

    public int Count(string instanceId, string activity) => _counts.TryGetValue($"{instanceId}/{activity}", out var n) ? n : 0;
}
