using System.Text.Json;
using Azure;
using Azure.Data.Tables;
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
/// <remarks>
/// Because the outbox dedupes by id, a second call for the same id is invisible in it. With
/// <c>recordAttempts</c> on, every call also appends a row to <see cref="AttemptsTableName"/> (partition = message
/// id, one row per call, written before the outbox row), so the number of channel calls per id can be counted.
/// </remarks>
public sealed class OutboxChannel : IMessageChannel
{
    /// <summary>The outbox table.</summary>
    public const string DefaultTableName = "NurtureOutbox";

    /// <summary>The table of channel calls, when they are recorded.</summary>
    public const string AttemptsTableName = "NurtureOutboxAttempts";

    private readonly TableClient _table;
    private readonly TableClient? _attempts;
    private readonly TimeProvider _clock;

    /// <summary>Creates the channel.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="clock">The clock for <see cref="OutboxRecord.RecordedAt"/>.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    /// <param name="recordAttempts">Whether every call is also appended to <see cref="AttemptsTableName"/>.</param>
    public OutboxChannel(TableServiceClient tables, TimeProvider clock, string? tableName = null, bool recordAttempts = false)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(clock);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
        _attempts = recordAttempts ? tables.GetTableClient(AttemptsTableName) : null;
        _clock = clock;
    }

    /// <summary>Whether channel calls are recorded in <see cref="AttemptsTableName"/>.</summary>
    public bool RecordsAttempts => _attempts is not null;

    /// <summary>Creates the table (and the attempts table when recording) if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        if (_attempts is not null)
        {
            await _attempts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<ChannelSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_attempts is not null)
        {
            // Append-only and before the outbox row: a call that dies after this line still counts as a call.
            var attempt = new TableEntity(message.MessageId, Guid.NewGuid().ToString("N")) { { "At", _clock.GetUtcNow() } };
            await _attempts.InsertAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        var row = new TableEntity(message.MessageId, string.Empty)
        {
            { "Channel", message.Channel.ToString() },
            { "ContactId", message.ContactId },
            { "RecordedAt", _clock.GetUtcNow() },
        };
        row.WithSplitText("Message", JsonSerializer.Serialize(message, JourneyJson.Options));
        try
        {
            await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier attempt under the same message id: the same message, not a second one.
        }

        return ChannelSendResult.Sent(ProviderId(message.MessageId));
    }

    /// <inheritdoc />
    public async Task<ChannelSendResult?> FindAcceptedAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var row = await _table.FindAsync(messageId, string.Empty, ["RecordedAt"], cancellationToken).ConfigureAwait(false);
        return row is null ? null : ChannelSendResult.Sent(ProviderId(messageId));
    }

    /// <inheritdoc />
    /// <remarks>The outbox is its own record, so its answer is never unknown.</remarks>
    public async Task<AcceptanceCheck> CheckAcceptedAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await FindAcceptedAsync(message.MessageId, cancellationToken).ConfigureAwait(false) is { } found
            ? AcceptanceCheck.Accepted(found, "recorded in the outbox")
            : AcceptanceCheck.NotAccepted("not in the outbox");
    }

    /// <summary>Every recorded message, oldest first, optionally only one contact's.</summary>
    /// <param name="contactId">Only this contact, when given.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<OutboxRecord>> ListAsync(string? contactId = null, CancellationToken cancellationToken = default)
    {
        var filter = contactId is null ? null : TableClient.CreateQueryFilter($"ContactId eq {contactId}");
        var records = new List<OutboxRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var message = JsonSerializer.Deserialize<OutboundMessage>(row.GetSplitText("Message")!, JourneyJson.Options)!;
            records.Add(new OutboxRecord(message, row.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue));
        }

        return records.OrderBy(r => r.RecordedAt).ThenBy(r => r.Message.MessageId, StringComparer.Ordinal).ToList();
    }

    /// <summary>How many times the channel was called per message id (empty unless attempts are recorded).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyDictionary<string, int>> CountAttemptsAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_attempts is null)
        {
            return counts;
        }

        await foreach (var row in _attempts.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            counts[row.PartitionKey] = counts.GetValueOrDefault(row.PartitionKey) + 1;
        }

        return counts;
    }

    private static string ProviderId(string messageId) => "outbox-" + messageId;
}
