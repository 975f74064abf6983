using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.Queues;

/// <summary>
/// The standalone host's queue trigger: one <see cref="QueueFunctionListener"/> per queue function of the catalog.
/// Idle in custom-handler mode, where the Functions host owns the triggers.
/// </summary>
internal sealed class QueueListener(
    FunctionCatalog catalog,
    IStorageAccounts storage,
    IOptions<QueueListenerOptions> options,
    FunctionInvoker invoker,
    IConfiguration configuration,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    QueueWakeUps wakeUps) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (FunctionHostModes.From(configuration) != FunctionHostMode.Standalone)
        {
            return Task.CompletedTask;
        }

        var logger = loggerFactory.CreateLogger<QueueListener>();
        var listeners = catalog.QueueFunctions
            .Select(f => new QueueFunctionListener(
                f,
                catalog.ResolveQueueName(f),
                storage.GetQueueService(f.Queue.Connection),
                options.Value,
                invoker,
                logger,
                time,
                wakeUps))
            .ToList();
        return Task.WhenAll(listeners.Select(l => Task.Run(() => l.RunAsync(stoppingToken), CancellationToken.None)));
    }
}
