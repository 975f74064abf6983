using Microsoft.DurableTask.Client;
using CorePurgeFilter = DurableTask.Core.PurgeInstanceFilter;

namespace Nurture.LocalHost.Durable.Client;

/// <summary>Purging finished instances' history and status (bulk purges match finished statuses only, as in DTFx).</summary>
public sealed partial class LocalDurableTaskClient
{
    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        RejectRecursive(options);
        if (await GetStateAsync(instanceId, cancellation).ConfigureAwait(false) is { } state
            && OrchestrationStatusMapping.NotFinished.Contains(state.OrchestrationStatus))
        {
            // DTFx would delete a live instance's history under its in-flight messages; terminate it first.
            throw new InvalidOperationException($"Cannot purge the orchestration instance {instanceId} because it is {state.OrchestrationStatus}; terminate it first.");
        }

        var result = await _purge.PurgeInstanceStateAsync(instanceId).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RejectRecursive(options);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new CorePurgeFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(OrchestrationStatusMapping.ToCoreStatus))
        {
            Timeout = filter.Timeout,
        };
        var result = await _purge.PurgeInstanceStateAsync(coreFilter).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    private static void RejectRecursive(PurgeInstanceOptions? options)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("The local Durable engine does not purge sub-orchestrations recursively; purge them by id or by filter.");
        }
    }
}
