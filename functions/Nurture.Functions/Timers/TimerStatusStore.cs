using Azure.Data.Tables;
using Nurture.Functions.Catalog;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Timers;

/// <summary>The monitor record of each timer (last, next, updated), one table row per function.</summary>
internal sealed class TimerStatusStore(TableClient table)
{
    private const string PartitionKey = "timer";

    public async Task<ScheduleStatus?> ReadAsync(string functionName, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(PartitionKey, functionName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity?.GetDateTimeOffset(nameof(ScheduleStatus.Next)) is { } next
            ? new ScheduleStatus(
                entity.GetDateTimeOffset(nameof(ScheduleStatus.Last)),
                next,
                entity.GetDateTimeOffset(nameof(ScheduleStatus.LastUpdated)) ?? next)
            : null;
    }

    public async Task WriteAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKey, functionName)
        {
            [nameof(ScheduleStatus.Last)] = status.Last,
            [nameof(ScheduleStatus.Next)] = status.Next,
            [nameof(ScheduleStatus.LastUpdated)] = status.LastUpdated,
        };
        await table.UpsertAsync(entity, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
