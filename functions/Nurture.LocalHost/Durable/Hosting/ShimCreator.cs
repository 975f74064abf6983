using DurableTask.Core;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>
/// Registers one orchestrator or activity with the Durable Task Framework by name, creating a fresh shim (from
/// <c>DurableTaskShimFactory</c>) for every episode or execution.
/// </summary>
/// <typeparam name="T"><see cref="TaskOrchestration"/> or <see cref="TaskActivity"/>.</typeparam>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimCreator(TaskName name, Func<T> create)
    {
        _create = create;
        Name = name.Name;
        Version = string.Empty;
    }

    /// <inheritdoc />
    public override T Create() => _create();
}
