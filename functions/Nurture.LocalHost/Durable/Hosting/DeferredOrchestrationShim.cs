using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>
/// What the object manager hands DTFx for an orchestration episode: the SDK shim is created only when the episode
/// executes, after <see cref="ParentInstanceMiddleware"/> has told it the instance's parent (DTFx asks the object
/// manager before the runtime state is at hand, and the shim needs the parent for <c>context.Parent</c>).
/// </summary>
internal sealed class DeferredOrchestrationShim : TaskOrchestration
{
    private readonly TaskName _name;
    private readonly Func<DurableTaskActivation, ITaskOrchestrator> _factory;
    private readonly DurableTaskShimFactory _shims;
    private readonly DurableTaskActivation _activation;
    private TaskOrchestration? _shim;

    public DeferredOrchestrationShim(TaskName name, Func<DurableTaskActivation, ITaskOrchestrator> factory, DurableTaskShimFactory shims, DurableTaskActivation activation)
    {
        _name = name;
        _factory = factory;
        _shims = shims;
        _activation = activation;
    }

    /// <summary>The parent of a sub-orchestration; set by the middleware before the episode executes.</summary>
    public ParentOrchestrationInstance? Parent { get; set; }

    /// <inheritdoc />
    public override Task<string> Execute(OrchestrationContext context, string input) => Shim.Execute(context, input);

    /// <inheritdoc />
    public override void RaiseEvent(OrchestrationContext context, string name, string input) => Shim.RaiseEvent(context, name, input);

    /// <inheritdoc />
    public override string GetStatus() => Shim.GetStatus();

    private TaskOrchestration Shim => _shim ??= _shims.CreateOrchestration(_name, _factory(_activation), Parent);
}
