using Azure.Data.Tables;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.SendTime;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class SendLedger
{
    /// <summary>The ledger row of a message, or null.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<LedgerEntry?> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var row = await _ledger.FindAsync(messageId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : new LedgerEntry(
            messageId,
            row.GetString("ContactId")!,
            Enum.Parse<MessageChannel>(row.GetString("Channel")!),
            row.GetBoolean("Marketing") ?? true,
            Enum.Parse<LedgerStatus>(row.GetString("Status")!),
            row.GetInt32("Attempts") ?? 0,
            row.GetDateTimeOffset("ReservedAt") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("CompletedAt"),
            row.GetString("ProviderMessageId"),
            row.GetString("Detail"),
            Enum.TryParse<SendTimeArm>(row.GetString("SendTime"), out var arm) ? arm : null);
    }

    /// <summary>Messages sent to the contact (any journey, any channel) at or after <paramref name="since"/>, for frequency caps.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="since">The start of the longest cap window.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<SentMessage>> RecentSendsAsync(string contactId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {contactId} and SentAt ge {since}");
        var sends = new List<SentMessage>();
        await foreach (var row in _byContact.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            sends.Add(new SentMessage(Enum.Parse<MessageChannel>(row.GetString("Channel")!), row.GetDateTimeOffset("SentAt")!.Value, row.GetBoolean("Marketing") ?? true));
        }

        return sends;
    }

    /// <summary>
    /// Whether the contact was sent any message on <paramref name="channel"/> other than <paramref name="messageId"/>
    /// (for "first SMS to the contact" rules; a re-run of the same send still counts as the first).
    /// </summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="messageId">The message being sent, left out.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> HasSentOtherAsync(string contactId, MessageChannel channel, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {contactId} and Channel eq {channel.ToString()} and RowKey ne {messageId}");
        await foreach (var _ in _byContact.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }
}
