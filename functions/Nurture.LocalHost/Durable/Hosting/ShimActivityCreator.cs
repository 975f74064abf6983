using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>Creates a fresh <see cref="DurableTaskShimFactory"/> activity shim per execution (abandoned, not failed, when cancelled by a stop).</summary>
internal sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly TaskName _name;
    private readonly Func<DurableTaskActivation, ITaskActivity> _factory;
    private readonly DurableTaskShimFactory _shims;
    private readonly DurableTaskActivation _activation;

    public ShimActivityCreator(TaskName name, Func<DurableTaskActivation, ITaskActivity> factory, DurableTaskShimFactory shims, DurableTaskActivation activation)
    {
        _name = name;
        _factory = factory;
        _shims = shims;
        _activation = activation;
        Name = name.Name;
        Version = string.Empty;
    }

    /// <inheritdoc />
    public override TaskActivity Create() =>
        _shims.CreateActivity(_name, new AbandonOnStopActivity(_factory(_activation), _activation.Stopping));
}
