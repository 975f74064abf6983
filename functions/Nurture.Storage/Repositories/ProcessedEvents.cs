using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Which canonical events have been fully processed (partition = event id, so each lookup is a point read and
/// load spreads over partitions). Written last, after every idempotent step, so a crash before it only means
/// the steps run again and change nothing.
/// </summary>
public sealed class ProcessedEvents
{
    /// <summary>The marker table.</summary>
    public const string TableName = "NurtureProcessedEvents";

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    public ProcessedEvents(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>True when the event was processed before.</summary>
    public async Task<bool> IsProcessedAsync(string eventId, CancellationToken cancellationToken = default) =>
        await _table.FindAsync(eventId, string.Empty, ["ContactId", "ProcessedAt"], cancellationToken).ConfigureAwait(false) is { } row && IsDone(row);

    /// <summary>
    /// Claims the event for processing, or finds the first claim: the first delivery's times are the event's times
    /// for every later or concurrent delivery of it.
    /// </summary>
    /// <remarks>
    /// Some sources date an event by when it arrived (a Twilio inbound message has no time of its own), so two
    /// deliveries of one message map to the same event id with different times, and the timeline row, keyed by time,
    /// would be written twice. Insert-if-absent makes the first delivery's times win, so every delivery writes the
    /// same rows. The marker row itself is the claim; <see cref="MarkAsync"/> completes it.
    /// </remarks>
    /// <param name="eventId">The event.</param>
    /// <param name="occurredAt">Its time as this delivery maps it.</param>
    /// <param name="receivedAt">When this delivery arrived.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<EventClaim> ClaimAsync(string eventId, DateTimeOffset occurredAt, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        try
        {
            await _table.InsertAsync(new TableEntity(eventId, string.Empty) { { "OccurredAt", occurredAt }, { "ReceivedAt", receivedAt } }, cancellationToken).ConfigureAwait(false);
            return new EventClaim(false, occurredAt, receivedAt);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Claimed by an earlier or a concurrent delivery: take its times.
        }

        var row = await _table.FindAsync(eventId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            // Erased between the insert and the read: this delivery's times are as good as any.
            return new EventClaim(false, occurredAt, receivedAt);
        }

        return new EventClaim(IsDone(row), row.GetDateTimeOffset("OccurredAt") ?? occurredAt, row.GetDateTimeOffset("ReceivedAt") ?? receivedAt);
    }

    /// <summary>Records the event as processed for the contact (idempotent; keeps the claim's times).</summary>
    public Task MarkAsync(string eventId, string contactId, DateTimeOffset processedAt, CancellationToken cancellationToken = default) =>
        _table.UpsertAsync(new TableEntity(eventId, string.Empty) { { "ContactId", contactId }, { "ProcessedAt", processedAt } }, TableUpdateMode.Merge, cancellationToken);

    // Markers written before claims existed hold only ContactId.
    private static bool IsDone(TableEntity row) => row.ContainsKey("ProcessedAt") || row.ContainsKey("ContactId");

    /// <summary>Removes the markers of one contact's events (erasure); the ids are opaque hashes.</summary>
    public async Task DeleteAsync(IEnumerable<string> eventIds, CancellationToken cancellationToken = default)
    {
        foreach (var eventId in eventIds)
        {
            await _table.DeleteIfMatchAsync(eventId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
