using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Hosting;

/// <summary>
/// Runs one invocation for every trigger and both hosts: a DI scope, an invocation id, the <c>functionTimeout</c>
/// token, and one structured log line at start and one at the end with duration and outcome.
/// </summary>
public sealed class FunctionInvoker(
    IServiceScopeFactory scopes,
    ILoggerFactory loggerFactory,
    IOptions<FunctionTimeoutOptions> timeout)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<FunctionInvoker>();

    // One logger per function, made once: creating one takes the factory's lock and a new category string.
    private readonly ConcurrentDictionary<string, ILogger> _functionLoggers = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="body"/> and returns its result; an exception is logged as a failed invocation and rethrown.
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="triggerDetails">What started it, free of personal data (e.g. queue name and message id).</param>
    /// <param name="body">The handler call.</param>
    /// <param name="handlerLogger">Logger handed to the handler instead of the function's own, when given.</param>
    /// <param name="cancellationToken">Cancels the invocation.</param>
    public async Task<T> InvokeAsync<T>(
        FunctionDefinition function,
        string triggerDetails,
        Func<FunctionContext, Task<T>> body,
        ILogger? handlerLogger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(body);
        var invocationId = Guid.NewGuid().ToString();
        using var logScope = _logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = function.Name, ["InvocationId"] = invocationId });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout.Value.FunctionTimeout is { } limit && limit > TimeSpan.Zero)
        {
            cts.CancelAfter(limit);
        }

        await using var scope = scopes.CreateAsyncScope();
        var logger = handlerLogger ?? _functionLoggers.GetOrAdd(function.Name, static (name, factory) => factory.CreateLogger("Function." + name), loggerFactory);
        var context = new FunctionContext(function.Name, invocationId, scope.ServiceProvider, logger, cts.Token);
        FunctionLog.InvocationStarted(_logger, function.Name, invocationId, function.Trigger.BindingType, triggerDetails);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await body(context).ConfigureAwait(false);
            FunctionLog.InvocationSucceeded(_logger, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception e)
        {
            FunctionLog.InvocationFailed(_logger, e, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }
}
