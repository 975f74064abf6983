using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost.Queues;

/// <summary>The queue trigger: one <see cref="QueueFunctionListener"/> per queue function of the catalog.</summary>
/// <remarks>
/// Stopping ends the fetching at once and waits for the messages already fetched; only when the host's shutdown
/// timeout is over are their tokens cancelled (a message whose handler gives up then comes back after its hold).
/// </remarks>
internal sealed class QueueListener(
    LocalFunctionCatalog catalog,
    IStorageConnections storage,
    IOptions<QueueListenerOptions> options,
    FunctionInvoker invoker,
    ILoggerFactory loggerFactory,
    TimeProvider time) : DrainingService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggerFactory.CreateLogger<QueueListener>();
        var listeners = catalog.Queues
            .Select(f => new QueueFunctionListener(f, storage.Get(f.Connection).Queues, options.Value, invoker, logger, time, Abort))
            .ToList();
        return Task.WhenAll(listeners.Select(l => Task.Run(() => l.RunAsync(stoppingToken), CancellationToken.None)));
    }
}
