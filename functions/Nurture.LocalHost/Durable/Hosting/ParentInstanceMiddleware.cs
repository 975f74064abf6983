using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>
/// Orchestration dispatcher middleware that tells a sub-orchestration's <see cref="DeferredOrchestrationShim"/> who its
/// parent is, from the runtime state, before the episode executes.
/// </summary>
internal static class ParentInstanceMiddleware
{
    /// <summary>The middleware step for <see cref="TaskHubWorker.AddOrchestrationDispatcherMiddleware"/>.</summary>
    public static Task Invoke(DispatchMiddlewareContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance is { } parent
            && context.GetProperty<TaskOrchestration>() is DeferredOrchestrationShim shim)
        {
            shim.Parent = new ParentOrchestrationInstance(new TaskName(parent.Name), parent.OrchestrationInstance.InstanceId);
        }

        return next();
    }
}
