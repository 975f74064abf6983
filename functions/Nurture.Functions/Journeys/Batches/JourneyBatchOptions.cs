namespace Nurture.Functions.Journeys.Batches;

/// <summary>Settings of list and segment starts (section <c>Journeys:Batches</c>).</summary>
public sealed class JourneyBatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Journeys:Batches";

    /// <summary>
    /// The attempt on which a failing page is recorded as failed on its batch: the queue's <c>maxDequeueCount</c>
    /// (host.json <c>extensions.queues.maxDequeueCount</c>, 5 unless changed), which the worker cannot read itself.
    /// </summary>
    public int MaxDequeueCount { get; set; } = 5;
}
