namespace Nurture.Core.Journeys.Batches;

/// <summary>Where a batch start is.</summary>
public enum BatchStatus
{
    /// <summary>Accepted; no page processed yet.</summary>
    Queued,

    /// <summary>Pages are being processed.</summary>
    Running,

    /// <summary>Every page was processed.</summary>
    Completed,

    /// <summary>A page kept failing; the batch stopped (see its errors).</summary>
    Failed,
}
