using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class SendLedger
{
    /// <summary>The ids of the messages sent to the contact (the per-contact rows), for export and erasure.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<string>> SentMessageIdsAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var ids = new List<string>();
        await foreach (var row in _byContact.QueryAsync<TableEntity>(TableFilters.Partition(contactId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    /// <summary>Deletes the contact's messages (erasure): the ledger rows of <paramref name="messageIds"/> and every per-contact row.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="messageIds">The messages, from the contact's instances and <see cref="SentMessageIdsAsync"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task DeleteContactAsync(string contactId, IEnumerable<string> messageIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var messageId in messageIds)
        {
            await _ledger.DeleteIfMatchAsync(messageId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var messageId in await SentMessageIdsAsync(contactId, cancellationToken).ConfigureAwait(false))
        {
            await _byContact.DeleteIfMatchAsync(contactId, messageId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
