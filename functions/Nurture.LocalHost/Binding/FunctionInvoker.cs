using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost.Binding;

/// <summary>
/// Runs one invocation of an HTTP, queue or timer function the way the isolated worker does: a service scope per
/// invocation, the function class created in it with <see cref="ActivatorUtilities"/> (not disposed, as in the
/// worker), the arguments bound, the <c>functionTimeout</c> token, and one log line at the start and one at the end.
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes, ILoggerFactory loggerFactory, IOptions<FunctionTimeoutOptions> timeout)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<FunctionInvoker>();
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();

    /// <summary>Invokes the function and returns its awaited return value; an exception is logged as a failed invocation and rethrown.</summary>
    /// <param name="function">The function (HTTP, queue or timer).</param>
    /// <param name="trigger">What started it.</param>
    /// <param name="triggerDetails">Ids and names for the log, no bodies or personal data.</param>
    /// <param name="cancellationToken">Cancels the invocation (request aborted, shutdown timeout over).</param>
    public async Task<object?> InvokeAsync(LocalFunction function, InvocationTrigger trigger, string triggerDetails, CancellationToken cancellationToken)
    {
        var binding = function.Binding ?? throw new InvalidOperationException($"Function '{function.Name}' is run by the Durable engine.");
        var invocationId = Guid.NewGuid().ToString();
        using var logScope = _logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = function.Name, ["InvocationId"] = invocationId });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timedOut = timeout.Value.Limit is { } limit ? StartTimeout(cancellation, function.Name, invocationId, limit) : null;
        await using var scope = scopes.CreateAsyncScope();
        var arguments = ArgumentBinder.Bind(function, binding, trigger, scope.ServiceProvider, cancellation.Token);
        FunctionLog.InvocationStarted(_logger, function.Name, invocationId, function.Trigger.ToString(), triggerDetails);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var instance = binding.InstanceType is { } type
                ? _factories.GetOrAdd(type, static t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(scope.ServiceProvider, null)
                : null;
            var returned = binding.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            var result = await binding.Return.AwaitAsync(returned).ConfigureAwait(false);
            FunctionLog.InvocationSucceeded(_logger, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception e)
        {
            FunctionLog.InvocationFailed(_logger, e, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }

    private CancellationTokenSource StartTimeout(CancellationTokenSource cancellation, string functionName, string invocationId, TimeSpan limit)
    {
        var timer = new CancellationTokenSource(limit);
        timer.Token.Register(() =>
        {
            FunctionLog.InvocationTimedOut(_logger, functionName, invocationId, limit);
            cancellation.Cancel();
        });
        return timer;
    }
}
