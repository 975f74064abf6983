namespace Nurture.Benchmarks.Runtime;

/// <summary>How much work the runtime suite does.</summary>
/// <param name="ThroughputMessages">Messages each side of the throughput row drains.</param>
/// <param name="IdleSamples">Messages sent one at a time for the idle latency.</param>
/// <param name="BusyDuration">How long the busy senders send.</param>
public sealed record RuntimePlan(int ThroughputMessages, int IdleSamples, TimeSpan BusyDuration)
{
    /// <summary>The full run (about a minute).</summary>
    public static RuntimePlan Full { get; } = new(1500, 20, TimeSpan.FromSeconds(6));

    /// <summary>The smoke run for <c>--quick</c> and the harness tests.</summary>
    public static RuntimePlan Quick { get; } = new(200, 3, TimeSpan.FromSeconds(1));
}
