using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>Runs an <c>[ActivityTrigger]</c> function method as an <see cref="ITaskActivity"/>.</summary>
internal sealed class FunctionActivity : ITaskActivity
{
    private readonly DurableFunctionMethod _function;
    private readonly DurableTaskActivation _activation;

    public FunctionActivity(DurableFunctionMethod function, DurableTaskActivation activation)
    {
        _function = function;
        _activation = activation;
    }

    /// <summary>The <c>[ActivityTrigger]</c> parameter's type; the shim deserializes the input to it.</summary>
    public Type InputType => _function.InputType;

    /// <inheritdoc />
    public Type OutputType => _function.Return.OutputType;

    /// <inheritdoc />
    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var value = input ?? (InputType.IsValueType ? Activator.CreateInstance(InputType) : null);
        return await FunctionInvocation.InvokeAsync(_function, _activation, value, _activation.Stopping).ConfigureAwait(false);
    }
}
