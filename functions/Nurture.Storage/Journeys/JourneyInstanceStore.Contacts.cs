using Azure;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Runtime;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

public sealed partial class JourneyInstanceStore
{
    /// <summary>Adds an instance to its contact's index; an existing row (which may already record its end) is kept.</summary>
    /// <param name="instance">The index row.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task IndexAsync(ContactInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        try
        {
            await _byContact.InsertAsync(IndexEntity(instance), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Indexed by an earlier delivery; its status may be newer than this one.
        }
    }

    /// <summary>Records an instance's new status in its contact's index (idempotent).</summary>
    /// <param name="instance">The index row.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task UpdateIndexAsync(ContactInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return _byContact.UpsertAsync(IndexEntity(instance), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The contact's instances, optionally of one journey or only live ones.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="journeyId">Only this journey, when given.</param>
    /// <param name="liveOnly">Only instances that have not ended.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<ContactInstance>> ListForContactAsync(string contactId, string? journeyId = null, bool liveOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var filter = TableFilters.Partition(contactId);
        if (journeyId is not null)
        {
            filter = TableFilters.And(filter, TableClient.CreateQueryFilter($"JourneyId eq {journeyId}"));
        }

        if (liveOnly)
        {
            filter = TableFilters.And(filter, TableClient.CreateQueryFilter($"Live eq {true}"));
        }

        var instances = new List<ContactInstance>();
        await foreach (var row in _byContact.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            instances.Add(new ContactInstance(
                row.PartitionKey,
                row.RowKey,
                row.GetString("JourneyId") ?? string.Empty,
                row.GetInt32("Version") ?? 0,
                row.GetString("InstanceKey"),
                row.GetDateTimeOffset("EnteredAt") ?? DateTimeOffset.MinValue,
                Enum.Parse<JourneyStatus>(row.GetString("Status") ?? nameof(JourneyStatus.Pending))));
        }

        return instances;
    }

    private static TableEntity IndexEntity(ContactInstance instance) => new(instance.ContactId, instance.InstanceId)
    {
        { "JourneyId", instance.JourneyId },
        { "Version", instance.Version },
        { "InstanceKey", instance.InstanceKey! },
        { "EnteredAt", instance.EnteredAt },
        { "Status", instance.Status.ToString() },
        { "Live", instance.Live },
    };
}
