using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Tables;

namespace Nurture.LocalHost.Timers;

/// <summary>
/// The timer trigger: one <see cref="TimerFunctionRunner"/> per timer function of the catalog, sharing the lease and
/// monitor tables of the <c>AzureWebJobsStorage</c> account (the Functions host keeps both in that account too).
/// </summary>
/// <remarks>
/// Stopping lets a run in progress finish; only when the host's shutdown timeout is over is its token cancelled.
/// </remarks>
internal sealed class TimerScheduler(
    LocalFunctionCatalog catalog,
    IStorageConnections storage,
    IOptions<TimerSchedulerOptions> options,
    IOptions<LocalHostOptions> hostOptions,
    FunctionInvoker invoker,
    ILoggerFactory loggerFactory,
    TimeProvider time) : DrainingService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = catalog.Timers.ToList();
        if (timers.Count == 0)
        {
            return;
        }

        var logger = loggerFactory.CreateLogger<TimerScheduler>();
        var settings = options.Value;
        var zone = settings.ResolveTimeZone();
        var tables = storage.Get(StorageConnectionSettings.DefaultConnectionName).Tables;
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
            var schedule = CronSchedule.Parse(timer.Schedule, zone);

            // As the Functions host does: the monitor is off for schedules that fire more than once a minute.
            var useMonitor = timer.UseMonitor && !schedule.FiresMoreThanOncePerMinute();
            var lease = new TableLease(leaseTable, timer.Name, instanceId, settings.LeaseDuration, time);
            return new TimerFunctionRunner(timer, schedule, useMonitor, lease, statusStore, settings.LeaseDuration, instanceId, invoker, Abort, logger, time);
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
