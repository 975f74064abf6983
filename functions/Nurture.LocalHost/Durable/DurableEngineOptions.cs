namespace Nurture.LocalHost.Durable;

/// <summary>
/// Settings of the local Durable Task engine: the task hub (from host.json's <c>extensions.durableTask.hubName</c>)
/// and the Azure Storage provider's tuning.
/// </summary>
/// <remarks>
/// The defaults are the local host's, not Durable Functions': short queue visibility timeouts and lease times, so a
/// host restarted after a crash resumes its in-flight orchestrations within seconds rather than five minutes. DTFx
/// renews the work items it holds every 5 s, so a visibility timeout only matters for messages a dead process held.
/// Values the app's host.json sets override these defaults.
/// </remarks>
public sealed class DurableEngineOptions
{
    /// <summary>Configuration section the options bind to when bound from configuration.</summary>
    public const string SectionName = "Durable";

    /// <summary>Task hub name: 3 to 45 letters and digits, starting with a letter (host.json <c>hubName</c>).</summary>
    public string HubName { get; set; } = string.Empty;

    /// <summary>Number of control-queue partitions, 1 to 16 (host.json <c>storageProvider.partitionCount</c>).</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Activities run at once by this host (host.json <c>maxConcurrentActivityFunctions</c>).</summary>
    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>Orchestration episodes run at once by this host (host.json <c>maxConcurrentOrchestratorFunctions</c>).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// How long a dequeued control-queue message stays invisible; after a crash, the longest wait before another
    /// worker sees it (host.json <c>storageProvider.controlQueueVisibilityTimeout</c>; Durable Functions: 5 min).
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a dequeued activity message stays invisible between renewals; after a crash, the longest wait before
    /// the activity is run again (host.json <c>storageProvider.workItemQueueVisibilityTimeout</c>; Durable Functions: 5 min).
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Longest pause between polls of an idle queue; it bounds how late a timer or a new message is picked up
    /// (host.json <c>storageProvider.maxQueuePollingInterval</c>; Durable Functions: 30 s).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a partition lease lasts without renewal; a new worker id waits this long for a dead owner's partitions.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a held lease is renewed (blob leases; the table partition manager renews on each acquire pass).</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the partition manager reads the partition table to claim, renew, balance and release leases.</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Fixed worker id; when empty (the default) the engine takes <c>{machine}-{slot}</c>, the lowest slot no
    /// other process on this machine holds for the hub, so a restarted host gets its own partitions back at once.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>Folder of the per-hub worker slot lock files; the temporary folder when empty.</summary>
    public string? WorkerSlotDirectory { get; set; }

    /// <summary>Highest number of worker slots tried on one machine before starting fails.</summary>
    public int MaxWorkerSlots { get; set; } = 64;
}
