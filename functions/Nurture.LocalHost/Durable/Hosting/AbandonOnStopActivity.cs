using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable.Hosting;

/// <summary>
/// An activity that, when it gives up because the engine is stopping, is abandoned (its message becomes visible
/// again and the activity runs later, on this host or another) instead of being reported to the orchestration as a
/// failure: DTFx abandons the work item on <see cref="SessionAbortedException"/>.
/// </summary>
internal sealed class AbandonOnStopActivity : ITaskActivity
{
    private readonly ITaskActivity _inner;
    private readonly CancellationToken _stopping;

    public AbandonOnStopActivity(ITaskActivity inner, CancellationToken stopping)
    {
        _inner = inner;
        _stopping = stopping;
    }

    /// <inheritdoc />
    public Type InputType => _inner.InputType;

    /// <inheritdoc />
    public Type OutputType => _inner.OutputType;

    /// <inheritdoc />
    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        try
        {
            return await _inner.RunAsync(context, input).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new SessionAbortedException($"Activity {context.Name.Name} of {context.InstanceId} was cancelled because the engine is stopping; it will run again.");
        }
    }
}
