using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>Log lines of batch starts (ids and counts only: no personal data).</summary>
internal static partial class BatchLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Batch {BatchId} accepted for journey {JourneyId} version {Version} ({Source})")]
    public static partial void Accepted(ILogger logger, string batchId, string journeyId, int version, string source);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Page {Page} of unknown batch {BatchId} dropped")]
    public static partial void UnknownBatch(ILogger logger, string batchId, int page);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Page {Page} of batch {BatchId} was already recorded; not counted again")]
    public static partial void AlreadyRecorded(ILogger logger, string batchId, int page);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Page {Page} of batch {BatchId} arrived before page {NextPage}; dropped")]
    public static partial void OutOfOrder(ILogger logger, string batchId, int page, int nextPage);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Batch {BatchId} page {Page}: {Scanned} looked at, {Started} started; now {Status}")]
    public static partial void PageRecorded(ILogger logger, string batchId, int page, int scanned, int started, string status);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Batch {BatchId} failed on page {Page} after {Attempts} attempts: {Error}")]
    public static partial void Failed(ILogger logger, string batchId, int page, long attempts, string error);
}
