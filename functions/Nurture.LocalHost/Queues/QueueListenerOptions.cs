using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost.Queues;

/// <summary>
/// The queue trigger's settings, bound from <c>host.json</c> <c>extensions.queues</c> with the Functions defaults.
/// </summary>
public sealed class QueueListenerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = HostJsonConfiguration.HostJsonSection + ":extensions:queues";

    /// <summary>Messages fetched per receive (1-32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Fetch again once in-flight messages drop to this many; null means <c>BatchSize / 2 × cores</c>.</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>Longest wait between polls of an empty queue (at least 100 ms).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays hidden before it is retried.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message being processed stays hidden; renewed every third of it while the handler runs.</summary>
    public TimeSpan MessageHold { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The threshold in effect.</summary>
    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? Math.Max(1, BatchSize / 2 * Environment.ProcessorCount);
}
