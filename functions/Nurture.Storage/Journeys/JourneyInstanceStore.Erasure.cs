using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class JourneyInstanceStore
{
    /// <summary>Deletes the contact's index of instances (erasure; the instances themselves go with <see cref="DeleteAsync"/>).</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task DeleteIndexAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var rows = new List<string>();
        await foreach (var row in _byContact.QueryAsync<TableEntity>(TableFilters.Partition(contactId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.RowKey);
        }

        foreach (var rowKey in rows)
        {
            await _byContact.DeleteIfMatchAsync(contactId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
