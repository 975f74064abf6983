using System.Text.Json;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Channels.Outbox;

/// <summary>
/// The local default channel: records each message with its rendered content in a table instead of sending it,
/// for the API and dashboard to show. Partition = message id, so a second send of the same id finds the first
/// record and changes nothing.
/// </summary>
public sealed class OutboxChannel : IMessageChannel
{
    /// <summary>The outbox table.</summary>
    public const string DefaultTableName = "NurtureOutbox";

    private readonly ITableClient _table;
    private readonly TimeProvider _clock;

    /// <summary>Creates the channel.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="clock">The clock for <see cref="OutboxRecord.RecordedAt"/>.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    public OutboxChannel(ITableService tables, TimeProvider clock, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(clock);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
        _clock = clock;
    }

    /// <summary>Creates the table if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var row = new TableEntity(message.MessageId, string.Empty)
        {
            { "Channel", message.Channel.ToString() },
            { "ContactId", message.ContactId },
            { "RecordedAt", _clock.GetUtcNow() },
        };
        row.WithSplitText("Message", JsonSerializer.Serialize(message, JourneyJson.Options));
        try
        {
            await _table.AddAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException e) when (e.IsConflict)
        {
            // Recorded by an earlier attempt under the same message id: the same message, not a second one.
        }

        return ChannelSendResult.Sent(ProviderId(message.MessageId));
    }

    /// <summary>Every recorded message, oldest first, optionally only one contact's.</summary>
    /// <param name="contactId">Only this contact, when given.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<OutboxRecord>> ListAsync(string? contactId = null, CancellationToken cancellationToken = default)
    {
        var query = contactId is null ? new TableQuery() : new TableQuery(TableFilter.Equal("ContactId", contactId));
        var records = new List<OutboxRecord>();
        await foreach (var row in _table.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var message = JsonSerializer.Deserialize<OutboundMessage>(row.GetSplitText("Message")!, JourneyJson.Options)!;
            records.Add(new OutboxRecord(message, row.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue));
        }

        return records.OrderBy(r => r.RecordedAt).ThenBy(r => r.Message.MessageId, StringComparer.Ordinal).ToList();
    }

    private static string ProviderId(string messageId) => "outbox-" + messageId;
}
