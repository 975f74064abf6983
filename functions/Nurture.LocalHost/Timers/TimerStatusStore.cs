using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.LocalHost.Timers;

/// <summary>The monitor record of each timer (last, next, updated), one table row per function.</summary>
internal sealed class TimerStatusStore(TableClient table)
{
    private const string PartitionKey = "timer";

    public async Task<TimerStatus?> ReadAsync(string functionName, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(PartitionKey, functionName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity?.GetDateTimeOffset(nameof(TimerStatus.Next)) is { } next
            ? new TimerStatus(
                entity.GetDateTimeOffset(nameof(TimerStatus.Last)),
                next,
                entity.GetDateTimeOffset(nameof(TimerStatus.LastUpdated)) ?? next)
            : null;
    }

    public async Task WriteAsync(string functionName, TimerStatus status, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKey, functionName)
        {
            [nameof(TimerStatus.Last)] = status.Last,
            [nameof(TimerStatus.Next)] = status.Next,
            [nameof(TimerStatus.LastUpdated)] = status.LastUpdated,
        };
        await table.UpsertAsync(entity, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
