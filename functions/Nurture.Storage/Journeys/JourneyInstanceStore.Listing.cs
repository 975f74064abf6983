using Azure.Data.Tables;
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
        var filter = TableClient.CreateQueryFilter($"RowKey eq {StateRow}");
        if (journeyId is not null)
        {
            filter = TableFilters.And(filter, TableClient.CreateQueryFilter($"JourneyId eq {journeyId}"));
        }

        if (status is { } wanted)
        {
            filter = TableFilters.And(filter, TableClient.CreateQueryFilter($"Status eq {wanted.ToString()}"));
        }

        string[] select = ["PartitionKey", "RowKey", "JourneyId", "Version", "ContactId", "Status", "UpdatedAt"];
        var found = new List<InstanceSummary>();
        await foreach (var row in _instances.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), select, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// Live instances nothing may be moving any more: side effects saved but not applied, a start not taken, or a
    /// timer overdue, all since before <paramref name="cutoff"/>. A trigger whose queue message ended in poison
    /// leaves an instance like this.
    /// </summary>
    /// <param name="cutoff">Only instances unchanged (or, for timers, due) before this instant.</param>
    /// <param name="max">Most instances to return.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <remarks>A filtered scan of the state rows, like <see cref="ListAsync"/>: for a periodic sweep.</remarks>
    public async Task<IReadOnlyList<StalledInstance>> ListStalledAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var untouched = TableClient.CreateQueryFilter($"UpdatedAt lt {cutoff}");
        var unapplied = TableFilters.And(TableClient.CreateQueryFilter($"PendingCount gt {0}"), untouched);
        var notStarted = TableFilters.And(TableClient.CreateQueryFilter($"Status eq {nameof(JourneyStatus.Pending)}"), untouched);
        var overdue = TableClient.CreateQueryFilter(
            $"TimerDueAt lt {cutoff} and (Status eq {nameof(JourneyStatus.Waiting)} or Status eq {nameof(JourneyStatus.WaitingForEvent)})");
        var filter = TableFilters.And(TableClient.CreateQueryFilter($"RowKey eq {StateRow}"), TableFilters.Or(TableFilters.Or(unapplied, notStarted), overdue));
        string[] select = ["PartitionKey", "RowKey", "Status", PendingCountColumn, TimerIdColumn, TimerDueAtColumn];
        var found = new List<StalledInstance>();
        await foreach (var row in _instances.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), select, cancellationToken).ConfigureAwait(false))
        {
            found.Add(new StalledInstance(
                row.PartitionKey,
                Enum.TryParse<JourneyStatus>(row.GetString("Status"), out var parsed) ? parsed : JourneyStatus.Pending,
                row.GetInt32(PendingCountColumn) ?? 0,
                row.GetString(TimerIdColumn),
                row.GetDateTimeOffset(TimerDueAtColumn)));
            if (found.Count == max)
            {
                break;
            }
        }

        return found;
    }
}
