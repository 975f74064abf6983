using DurableTask.Core;
using Microsoft.DurableTask.Client;

namespace Nurture.LocalHost.Durable.Client;

/// <summary>Which existing instance statuses block a start with the same instance id.</summary>
internal static class StartDeduplication
{
    /// <summary>
    /// Without dedupe statuses, Durable Functions' default: unfinished instances block, finished ones are replaced.
    /// With them, those statuses block too; unfinished instances always block, because reusing a running instance's
    /// id (terminate, then start) is not something the local engine does.
    /// </summary>
    public static OrchestrationStatus[] StatusesFor(IReadOnlyList<string>? requested)
    {
        if (requested is null)
        {
            return [.. OrchestrationStatusMapping.NotFinished];
        }

        var statuses = new HashSet<OrchestrationStatus>(OrchestrationStatusMapping.NotFinished);
        var reusableUnfinished = new HashSet<OrchestrationStatus>(
            [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended]);
        foreach (var name in requested)
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var status))
            {
                throw new ArgumentException($"'{name}' is not an orchestration runtime status.", nameof(requested));
            }

            var core = OrchestrationStatusMapping.ToCoreStatus(status);
            statuses.Add(core);
            reusableUnfinished.Remove(core);
        }

        if (reusableUnfinished.Count > 0)
        {
            throw new NotSupportedException(
                $"The start's dedupe statuses leave {string.Join(", ", reusableUnfinished)} reusable, which means terminating a live instance first; " +
                "the local Durable engine does not do that. Include Pending, Running and Suspended.");
        }

        return [.. statuses];
    }
}
