using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Timers;

/// <summary>
/// The standalone host's timer trigger: one <see cref="TimerFunctionRunner"/> per timer function, sharing the
/// lease and monitor tables. Idle in custom-handler mode, where the Functions host owns the triggers.
/// </summary>
internal sealed class TimerScheduler(
    FunctionCatalog catalog,
    IStorageAccounts storage,
    IOptions<TimerSchedulerOptions> options,
    IOptions<FunctionHostOptions> hostOptions,
    FunctionInvoker invoker,
    IConfiguration configuration,
    ILoggerFactory loggerFactory,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = catalog.TimerFunctions.ToList();
        if (FunctionHostModes.From(configuration) != FunctionHostMode.Standalone || timers.Count == 0)
        {
            return;
        }

        var logger = loggerFactory.CreateLogger<TimerScheduler>();
        var settings = options.Value;
        var zone = settings.ResolveTimeZone();
        var tables = storage.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        var leaseTable = tables.GetTableClient(settings.LeaseTable);
        var statusTable = tables.GetTableClient(settings.StatusTable);
        if (!await CreateTablesAsync(logger, stoppingToken, leaseTable.EnsureExistsAsync, statusTable.EnsureExistsAsync).ConfigureAwait(false))
        {
            return;
        }

        var instanceId = hostOptions.Value.InstanceId;
        var statusStore = new TimerStatusStore(statusTable);
        var runners = timers.Select(timer =>
        {
            var schedule = catalog.ResolveSchedule(timer, zone);
            var lease = new TableLease(leaseTable, timer.Name, instanceId, settings.LeaseDuration, time);
            return new TimerFunctionRunner(
                timer, schedule, catalog.UsesMonitor(timer, schedule), lease, statusStore, settings.LeaseDuration, instanceId, invoker, logger, time);
        });
        await Task.WhenAll(runners.Select(r => Task.Run(() => r.RunAsync(stoppingToken), CancellationToken.None))).ConfigureAwait(false);
    }

    private async Task<bool> CreateTablesAsync(ILogger logger, CancellationToken stoppingToken, params Func<CancellationToken, Task>[] creates)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var create in creates)
                {
                    await create(stoppingToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                TimerLog.StorageFailed(logger, e, nameof(TimerScheduler), e.GetType().Name, backoff);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }

        return false;
    }
}
