using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Nurture.LocalHost.Durable.Functions;

/// <summary>
/// One call of a function method the way the isolated worker makes it: a service scope per invocation, the class
/// created in it with <see cref="ActivatorUtilities"/> (instances are not disposed, as in the worker), then the method.
/// </summary>
internal static class FunctionInvocation
{
    /// <summary>Invokes the method with the trigger value and returns what it produced.</summary>
    /// <remarks>No <c>ConfigureAwait(false)</c>: orchestrator continuations must stay on DTFx's scheduler.</remarks>
    public static async Task<object?> InvokeAsync(DurableFunctionMethod function, DurableTaskActivation activation, object? trigger, CancellationToken cancellation)
    {
        await using var scope = activation.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var instance = function.InstanceType is { } type ? ActivatorUtilities.CreateInstance(scope.ServiceProvider, type) : null;
        var arguments = new object?[function.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = function.Parameters[i] switch
            {
                FunctionParameterRole.FunctionContext => new LocalFunctionContext(function.Name, function.Method, scope.ServiceProvider, cancellation),
                FunctionParameterRole.CancellationToken => cancellation,
                _ => trigger,
            };
        }

        var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        return await function.Return.AwaitAsync(returned);
    }
}
