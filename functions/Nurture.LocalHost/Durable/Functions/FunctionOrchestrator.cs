using Microsoft.DurableTask;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>Runs an <c>[OrchestrationTrigger]</c> function method as an <see cref="ITaskOrchestrator"/>.</summary>
internal sealed class FunctionOrchestrator : ITaskOrchestrator
{
    private readonly DurableFunctionMethod _function;
    private readonly DurableTaskActivation _activation;

    public FunctionOrchestrator(DurableFunctionMethod function, DurableTaskActivation activation)
    {
        _function = function;
        _activation = activation;
    }

    /// <summary>
    /// The raw input is kept as the converter reads it into <see cref="object"/> (a JSON element); the function reads
    /// it with <c>GetInput&lt;T&gt;()</c>, which <see cref="FunctionOrchestrationContext"/> converts as the worker does.
    /// </summary>
    public Type InputType => typeof(object);

    /// <inheritdoc />
    public Type OutputType => _function.Return.OutputType;

    /// <inheritdoc />
    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionContext = new FunctionOrchestrationContext(context, input, _activation.DataConverter);
        return FunctionInvocation.InvokeAsync(_function, _activation, functionContext, CancellationToken.None);
    }
}
