using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>Creates a fresh <see cref="DurableTaskShimFactory"/> orchestration shim per episode (see <see cref="DeferredOrchestrationShim"/>).</summary>
internal sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly TaskName _name;
    private readonly Func<DurableTaskActivation, ITaskOrchestrator> _factory;
    private readonly DurableTaskShimFactory _shims;
    private readonly DurableTaskActivation _activation;

    public ShimOrchestrationCreator(TaskName name, Func<DurableTaskActivation, ITaskOrchestrator> factory, DurableTaskShimFactory shims, DurableTaskActivation activation)
    {
        _name = name;
        _factory = factory;
        _shims = shims;
        _activation = activation;
        Name = name.Name;
        Version = string.Empty;
    }

    /// <inheritdoc />
    public override TaskOrchestration Create() => new DeferredOrchestrationShim(_name, _factory, _shims, _activation);
}
