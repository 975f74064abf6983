using Microsoft.Azure.Functions.Worker;

namespace Nurture.Functions.Reports;

/// <summary>Timer, hourly at :41: computes and stores the retention report (<see cref="RetentionReporter"/>).</summary>
/// <remarks>
/// The Functions timer (and the local host's) holds a lease, so one host runs it at a time; with the monitor on, a
/// run missed while no host ran is caught up once at the next start, and the reporter keeps a report computed within
/// <see cref="ReportOptions.RefreshAfter"/>, so the catch-up and the regular run do the work once.
/// </remarks>
public sealed class ComputeRetention(RetentionReporter reporter)
{
    /// <summary>The schedule: six-field NCRONTAB, every hour at minute 41.</summary>
    public const string Schedule = "0 41 * * * *";

    /// <summary>Runs the reporter.</summary>
    [Function(FunctionNames.ComputeRetention)]
    public Task RunAsync([TimerTrigger(Schedule, UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return reporter.ComputeAsync(rebuild: false, cancellationToken);
    }
}
