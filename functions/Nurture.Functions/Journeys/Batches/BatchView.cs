using Nurture.Core.Journeys.Batches;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Answer of <c>GET /api/journeys/batches/{batchId}</c>: where a batch start is.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The journey version instances start on.</param>
/// <param name="Source">List or segment.</param>
/// <param name="Segment">For segments: <c>journey</c> or <c>custom</c>.</param>
/// <param name="Status">Queued, running, completed or failed.</param>
/// <param name="Total">For lists: the number of distinct entries (null for segments, whose size is known only at the end).</param>
/// <param name="Scanned">Entries or profiles looked at so far.</param>
/// <param name="PagesDone">Pages recorded so far.</param>
/// <param name="Started">Contacts started.</param>
/// <param name="NotAdmitted">Contacts not started, by reason.</param>
/// <param name="Errors">What made the batch fail.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="StartedAt">When its first page began.</param>
/// <param name="FinishedAt">When it completed or failed.</param>
public sealed record BatchView(
    string BatchId,
    string JourneyId,
    int Version,
    BatchSource Source,
    string? Segment,
    BatchStatus Status,
    int? Total,
    int Scanned,
    int PagesDone,
    int Started,
    IReadOnlyDictionary<string, int> NotAdmitted,
    IReadOnlyList<string> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The view of a batch's progress.</summary>
    /// <param name="progress">The progress.</param>
    public static BatchView From(BatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new BatchView(
            progress.BatchId, progress.JourneyId, progress.Version, progress.Source, progress.SegmentName, progress.Status,
            progress.Total, progress.Scanned, progress.NextPage, progress.Started, progress.NotAdmitted, progress.Errors,
            progress.CreatedAt, progress.StartedAt, progress.FinishedAt);
    }
}
