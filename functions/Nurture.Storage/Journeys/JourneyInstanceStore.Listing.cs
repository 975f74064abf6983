using Nurture.Core.Journeys.Runtime;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>Listing instances for the marketer: by journey and status, newest partitions first is not promised.</summary>
public sealed partial class JourneyInstanceStore
{
    /// <summary>
    /// Up to <paramref name="max"/> instances, optionally of one journey and in one status.
    /// </summary>
    /// <remarks>Instances are partitioned one each, so this is a filtered scan of the state rows: fine for an admin view, not for a hot path.</remarks>
    public async Task<IReadOnlyList<InstanceSummary>> ListAsync(string? journeyId, JourneyStatus? status, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var filter = TableFilter.Equal("RowKey", StateRow);
        if (journeyId is not null)
        {
            filter &= TableFilter.Equal("JourneyId", journeyId);
        }

        if (status is { } wanted)
        {
            filter &= TableFilter.Equal("Status", wanted.ToString());
        }

        var query = new TableQuery(filter) { Select = ["JourneyId", "Version", "ContactId", "Status", "UpdatedAt"], PageSize = Math.Min(max, 1000) };
        var found = new List<InstanceSummary>();
        await foreach (var row in _instances.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            found.Add(new InstanceSummary(
                row.PartitionKey,
                row.GetString("JourneyId") ?? string.Empty,
                row.GetInt32("Version") ?? 0,
                row.GetString("ContactId") ?? string.Empty,
                Enum.TryParse<JourneyStatus>(row.GetString("Status"), out var parsed) ? parsed : JourneyStatus.Pending,
                row.GetDateTimeOffset("UpdatedAt")));
            if (found.Count == max)
            {
                break;
            }
        }

        return found;
    }
}
