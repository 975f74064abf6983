using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Journeys.Batches;

/// <summary>A batch start and how far it got: what it is, which page comes next, and the counts so far. Pure.</summary>
/// <remarks>
/// Pages are recorded strictly in order and each page number once (<see cref="NextPage"/>), so a redelivered page
/// message finds its page already recorded and counts nothing twice. The store saves the progress with If-Match.
/// </remarks>
/// <param name="BatchId">The batch (derived from journey and request key).</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The journey version current when the batch was accepted; instances start on it.</param>
/// <param name="Source">List or segment.</param>
/// <param name="RequestKey">The request's idempotency key.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Segment">For segments: the condition every scanned profile is tested against.</param>
/// <param name="SegmentName">For segments: <c>journey</c> (the journey's own entry segment) or <c>custom</c>.</param>
/// <param name="Total">For lists: the number of distinct entries.</param>
/// <param name="PageCount">For lists: the number of stored pages.</param>
/// <param name="NextPage">The first page not yet recorded.</param>
/// <param name="Continuation">For segments: where the scan of <see cref="NextPage"/> starts (null for the first page).</param>
/// <param name="Scanned">Entries or profiles looked at so far.</param>
/// <param name="Started">Contacts with an instance of this batch.</param>
/// <param name="NotAdmitted">Contacts not started, by reason.</param>
/// <param name="Errors">What made the batch fail, if it did.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="StartedAt">When its first page began.</param>
/// <param name="FinishedAt">When it completed or failed.</param>
public sealed record BatchProgress(
    string BatchId,
    string JourneyId,
    int Version,
    BatchSource Source,
    string RequestKey,
    BatchStatus Status,
    Condition? Segment,
    string? SegmentName,
    int? Total,
    int? PageCount,
    int NextPage,
    string? Continuation,
    int Scanned,
    int Started,
    IReadOnlyDictionary<string, int> NotAdmitted,
    IReadOnlyList<string> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null)
{
    /// <summary>The most errors kept.</summary>
    public const int MaxErrors = 20;

    /// <summary>The entry key every instance of the batch is started with: one instance per (batch, contact), whatever the retries.</summary>
    public string EntryKey => "batch:" + BatchId;

    /// <summary>Whether it completed or failed.</summary>
    public bool IsFinished => Status is BatchStatus.Completed or BatchStatus.Failed;

    /// <summary>A new list batch.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">Its current version.</param>
    /// <param name="requestKey">The idempotency key.</param>
    /// <param name="total">The number of distinct entries.</param>
    /// <param name="now">When.</param>
    public static BatchProgress ForList(string journeyId, int version, string requestKey, int total, DateTimeOffset now) =>
        New(journeyId, version, requestKey, BatchSource.List, null, null, total, BatchPaging.PageCount(total), now);

    /// <summary>A new segment batch.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">Its current version.</param>
    /// <param name="requestKey">The idempotency key.</param>
    /// <param name="segment">The condition on <c>contact.</c> fields.</param>
    /// <param name="segmentName"><c>journey</c> or <c>custom</c>.</param>
    /// <param name="now">When.</param>
    public static BatchProgress ForSegment(string journeyId, int version, string requestKey, Condition? segment, string segmentName, DateTimeOffset now) =>
        New(journeyId, version, requestKey, BatchSource.Segment, segment, segmentName, null, null, now);

    /// <summary>Whether <paramref name="page"/> was already counted (or the batch is over).</summary>
    /// <param name="page">The page.</param>
    public bool HasRecorded(int page) => IsFinished || page < NextPage;

    /// <summary>Marks the batch running (once).</summary>
    /// <param name="now">When.</param>
    public BatchProgress Begin(DateTimeOffset now) =>
        Status == BatchStatus.Queued ? this with { Status = BatchStatus.Running, StartedAt = now } : this;

    /// <summary>Whether <paramref name="page"/> is a list's last page (segments end when the scan has no continuation).</summary>
    /// <param name="page">The page.</param>
    public bool IsLastListPage(int page) => Source == BatchSource.List && page + 1 >= (PageCount ?? 1);

    /// <summary>Adds the counts of the next page and moves on; completes the batch after the last page.</summary>
    /// <param name="page">The page; must be <see cref="NextPage"/>.</param>
    /// <param name="outcome">Its counts.</param>
    /// <param name="continuation">For segments: where the next page's scan starts, null when the scan is done.</param>
    /// <param name="now">When.</param>
    public BatchProgress RecordPage(int page, BatchPageOutcome outcome, string? continuation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (IsFinished || page != NextPage)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, $"Batch {BatchId} expects page {NextPage} ({Status}).");
        }

        var notAdmitted = new SortedDictionary<string, int>(NotAdmitted.ToDictionary(), StringComparer.Ordinal);
        foreach (var (reason, count) in outcome.NotAdmitted)
        {
            notAdmitted[reason] = notAdmitted.GetValueOrDefault(reason) + count;
        }

        var last = Source == BatchSource.List ? IsLastListPage(page) : continuation is null;
        return Begin(now) with
        {
            NextPage = page + 1,
            Continuation = Source == BatchSource.Segment ? continuation : null,
            Scanned = Scanned + outcome.Scanned,
            Started = Started + outcome.Started,
            NotAdmitted = notAdmitted,
            Status = last ? BatchStatus.Completed : BatchStatus.Running,
            FinishedAt = last ? now : null,
        };
    }

    /// <summary>Stops the batch with an error.</summary>
    /// <param name="error">What went wrong (no personal data).</param>
    /// <param name="now">When.</param>
    public BatchProgress Fail(string error, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return IsFinished ? this : this with
        {
            Status = BatchStatus.Failed,
            Errors = Errors.Append(error).TakeLast(MaxErrors).ToList(),
            StartedAt = StartedAt ?? now,
            FinishedAt = now,
        };
    }

    private static BatchProgress New(string journeyId, int version, string requestKey, BatchSource source, Condition? segment, string? segmentName, int? total, int? pageCount, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestKey);
        return new BatchProgress(
            JourneyIds.BatchId(journeyId, requestKey), journeyId, version, source, requestKey, BatchStatus.Queued,
            segment, segmentName, total, pageCount, 0, null, 0, 0, new SortedDictionary<string, int>(StringComparer.Ordinal), [], now);
    }
}
