using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Catalog;

namespace Nurture.LocalHost.Timers;

/// <summary>
/// Runs one timer function. Only the instance holding the timer's lease fires it; the
/// holder decides with <see cref="TimerDecider"/>, runs one occurrence at a time, and with the monitor on
/// persists last/next so a missed occurrence fires once, past due, after a restart or a takeover.
/// </summary>
internal sealed class TimerFunctionRunner(
    TimerFunction function,
    CronSchedule schedule,
    bool useMonitor,
    TableLease lease,
    TimerStatusStore statusStore,
    TimeSpan leaseDuration,
    string instanceId,
    FunctionInvoker invoker,
    CancellationToken abort,
    ILogger logger,
    TimeProvider time)
{
    private readonly TimeSpan _renewEvery = leaseDuration / 3;
    private TimerStatus? _status;
    private bool _startupRunPending = function.RunOnStartup;
    private bool _holding;

    /// <summary>Runs until <paramref name="stoppingToken"/> fires, then lets the current run finish and releases the lease.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        TimerLog.TimerStarted(logger, function.Name, schedule.Expression, schedule.TimeZone.Id, useMonitor, function.RunOnStartup, instanceId);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await StepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                wait = _renewEvery;
                TimerLog.StorageFailed(logger, e, function.Name, e.GetType().Name, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await DelayAsync(wait, stoppingToken).ConfigureAwait(false);
            }
        }

        await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<TimeSpan> StepAsync(CancellationToken stoppingToken)
    {
        if (!await EnsureLeaseAsync(stoppingToken).ConfigureAwait(false))
        {
            return _renewEvery;
        }

        var now = time.GetUtcNow();
        if (_status is null)
        {
            _status = (useMonitor ? await statusStore.ReadAsync(function.Name, stoppingToken).ConfigureAwait(false) : null)
                ?? new TimerStatus(null, schedule.NextAfter(now), now);
            if (useMonitor)
            {
                await statusStore.WriteAsync(function.Name, _status, stoppingToken).ConfigureAwait(false);
            }

            TimerLog.LeaseTaken(logger, function.Name, instanceId, _status.Next);
        }

        switch (TimerDecider.Decide(now, _status, _startupRunPending))
        {
            case TimerDecision.Wait wait:
                var untilDue = wait.Until - now;
                return untilDue < _renewEvery ? untilDue : _renewEvery;
            case TimerDecision.Fire fire:
                await FireAsync(fire).ConfigureAwait(false);
                return TimeSpan.Zero;
            default:
                throw new InvalidOperationException("Unknown timer decision.");
        }
    }

    private async Task<bool> EnsureLeaseAsync(CancellationToken cancellationToken)
    {
        if (_holding && lease.HeldUntil - time.GetUtcNow() > leaseDuration - _renewEvery)
        {
            return true;
        }

        var held = await lease.TryTakeAsync(cancellationToken).ConfigureAwait(false);
        if (_holding && !held)
        {
            TimerLog.LeaseLost(logger, function.Name, instanceId);
        }

        if (!held || !_holding)
        {
            // Whoever held it may have advanced the schedule: read the monitor again when (re)taking the lease.
            _status = null;
        }

        _holding = held;
        return held;
    }

    private async Task FireAsync(TimerDecision.Fire fire)
    {
        if (fire.IsPastDue)
        {
            TimerLog.PastDue(logger, function.Name, fire.ScheduledFor);
        }

        var info = new TimerInfo
        {
            IsPastDue = fire.IsPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = (_status?.Last ?? default).UtcDateTime,
                Next = schedule.NextAfter(fire.ScheduledFor).UtcDateTime,
                LastUpdated = time.GetUtcNow().UtcDateTime,
            },
        };
        using var renewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(renewing.Token);
        var failed = false;
        try
        {
            var details = $"scheduled {fire.ScheduledFor:O}, past due {fire.IsPastDue}";
            await invoker.InvokeAsync(function, new InvocationTrigger.Timer(info), details, abort).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The invoker logged the failure; an exception never stops the schedule.
            failed = true;
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        _startupRunPending = false;
        _status = TimerDecider.AfterRun(schedule, fire.ScheduledFor, time.GetUtcNow());
        if (failed)
        {
            TimerLog.RunFailed(logger, function.Name, _status.Next);
        }

        if (useMonitor)
        {
            await statusStore.WriteAsync(function.Name, _status, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RenewWhileRunningAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await DelayAsync(_renewEvery, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                _holding = await lease.TryTakeAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                TimerLog.StorageFailed(logger, e, function.Name, e.GetType().Name, _renewEvery);
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop ends.
        }
    }
}
