using Microsoft.Azure.Functions.Worker;

namespace Nurture.Functions.Reports;

/// <summary>Timer, hourly at :47: computes and stores the campaign report (<see cref="CampaignReporter"/>).</summary>
/// <remarks>
/// Like <see cref="ComputeRetention"/>: the timer's lease lets one host run it at a time, the monitor catches up a run
/// missed while no host ran once at the next start, and the reporter keeps a report computed within
/// <see cref="ReportOptions.RefreshAfter"/>, so a catch-up next to the regular run does the work once.
/// </remarks>
public sealed class ComputeCampaignMetrics(CampaignReporter reporter)
{
    /// <summary>The schedule: six-field NCRONTAB, every hour at minute 47.</summary>
    public const string Schedule = "0 47 * * * *";

    /// <summary>Runs the reporter.</summary>
    [Function(FunctionNames.ComputeCampaignMetrics)]
    public Task RunAsync([TimerTrigger(Schedule, UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return reporter.ComputeAsync(rebuild: false, cancellationToken);
    }
}
