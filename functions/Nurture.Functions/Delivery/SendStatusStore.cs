using Azure.Data.Tables;
using Nurture.Channels.Feedback;
using Nurture.Functions.Hosting;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Delivery;

/// <summary>
/// Each message's delivery status history, keyed by our message id, and the index from the provider's id to ours
/// (for feedback that carries only the provider's id).
/// </summary>
/// <remarks>
/// A status row's key is its time and the feedback's event id, so a redelivered webhook writes the same row again.
/// </remarks>
public sealed class SendStatusStore
{
    /// <summary>The table.</summary>
    public const string TableName = "NurtureSendStatus";

    private const string ProviderPartitionPrefix = "provider|";

    private readonly TableClient _table;
    private readonly InitializeOnce _initialization = new();

    /// <summary>Creates the store on the app's storage.</summary>
    /// <param name="accounts">The storage accounts.</param>
    public SendStatusStore(IStorageAccounts accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _table = accounts.GetTableService(StorageConnectionSettings.DefaultConnectionName).GetTableClient(TableName);
    }

    /// <summary>Remembers which of our messages the provider knows as <paramref name="providerMessageId"/>.</summary>
    /// <param name="messageId">Our message id.</param>
    /// <param name="providerMessageId">The provider's id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task IndexAsync(string messageId, string providerMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(providerMessageId);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(new TableEntity(ProviderPartitionPrefix + Key(providerMessageId), string.Empty) { { "MessageId", messageId } }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds feedback to its message's history; false when it names no message we know.</summary>
    /// <param name="feedback">The feedback.</param>
    /// <param name="eventId">The canonical event's id (dedupes redeliveries).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> RecordAsync(DeliveryFeedback feedback, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var messageId = feedback.MessageId is { Length: > 0 } ours ? ours : await FindByProviderIdAsync(feedback.ProviderMessageId, cancellationToken).ConfigureAwait(false);
        if (messageId is null)
        {
            return false;
        }

        var row = new TableEntity(Key(messageId), feedback.At.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|" + Key(eventId))
        {
            { "At", feedback.At },
            { "Status", feedback.Status.ToString() },
            { "ErrorCode", feedback.ErrorCode },
            { "Reason", feedback.Reason },
            { "MachineOpen", feedback.MachineOpen },
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The message's history, oldest first.</summary>
    /// <param name="messageId">Our message id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<SendStatusEntry>> ReadAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<SendStatusEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Key(messageId)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new SendStatusEntry(
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                Enum.Parse<DeliveryStatus>(row.GetString("Status")!),
                row.GetString("ErrorCode"),
                row.GetString("Reason"),
                row.GetBoolean("MachineOpen") ?? false));
        }

        return entries;
    }

    /// <summary>Our message id for the provider's (as <see cref="IndexAsync"/> stored it), or null.</summary>
    /// <param name="providerMessageId">The provider's id, as its feedback names it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<string?> FindMessageIdAsync(string? providerMessageId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await FindByProviderIdAsync(providerMessageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a message's history and its provider-id index row (erasure).</summary>
    /// <param name="messageId">Our message id.</param>
    /// <param name="providerMessageId">The provider's id, when known.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task DeleteAsync(string messageId, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Key(messageId)}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.RowKey);
        }

        foreach (var rowKey in rows)
        {
            await _table.DeleteIfMatchAsync(Key(messageId), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(providerMessageId))
        {
            await _table.DeleteIfMatchAsync(ProviderPartitionPrefix + Key(providerMessageId), string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Our message id for the provider's, or null.</summary>
    /// <remarks>SendGrid's events carry <c>sg_message_id</c>: the send's <c>X-Message-Id</c> followed by <c>.filter...</c> or <c>.recvd...</c>.</remarks>
    private async Task<string?> FindByProviderIdAsync(string? providerMessageId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(providerMessageId))
        {
            return null;
        }

        foreach (var candidate in new[] { providerMessageId, Before(providerMessageId, ".filter"), Before(providerMessageId, ".recvd") }.Distinct(StringComparer.Ordinal))
        {
            var row = await _table.FindAsync(ProviderPartitionPrefix + Key(candidate), string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row?.GetString("MessageId") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Before(string value, string marker) => value.IndexOf(marker, StringComparison.Ordinal) is var at and > 0 ? value[..at] : value;

    /// <summary>A table key: the characters Table storage refuses in keys are escaped.</summary>
    private static string Key(string value) => value.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal)
        .Replace("\\", "%5C", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal);

    private Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        _initialization.RunAsync(async ct => await _table.CreateIfNotExistsAsync(ct).ConfigureAwait(false), cancellationToken);
}
