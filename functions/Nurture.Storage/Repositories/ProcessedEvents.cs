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
        await _table.FindAsync(eventId, string.Empty, ["ContactId"], cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Records the event as processed for the contact (idempotent).</summary>
    public Task MarkAsync(string eventId, string contactId, DateTimeOffset processedAt, CancellationToken cancellationToken = default) =>
        _table.UpsertAsync(new TableEntity(eventId, string.Empty) { { "ContactId", contactId }, { "ProcessedAt", processedAt } }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Removes the markers of one contact's events (erasure); the ids are opaque hashes.</summary>
    public async Task DeleteAsync(IEnumerable<string> eventIds, CancellationToken cancellationToken = default)
    {
        foreach (var eventId in eventIds)
        {
            await _table.DeleteIfMatchAsync(eventId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
