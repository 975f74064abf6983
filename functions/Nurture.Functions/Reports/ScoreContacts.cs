using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Nurture.Functions.Reports;

/// <summary>
/// Timer, daily at 02:17 UTC: rescores the contacts whose data changed and those due by ageing, writes their
/// portraits, raises stage changes and stores the lifecycle report (<see cref="ContactScoringRunner"/>).
/// </summary>
/// <remarks>
/// The timer holds a lease, so one host runs it at a time; with the monitor on, a run missed while no host ran is
/// caught up once at the next start, and the runner keeps a report computed within
/// <see cref="ReportOptions.RefreshAfter"/>. Stage changes reach journeys through this invocation's Durable client.
/// </remarks>
public sealed class ScoreContacts(ContactScoringRunner runner)
{
    /// <summary>The schedule: six-field NCRONTAB, every day at 02:17.</summary>
    public const string Schedule = "0 17 2 * * *";

    /// <summary>Runs the scoring.</summary>
    [Function(FunctionNames.ScoreContacts)]
    public Task RunAsync(
        [TimerTrigger(Schedule, UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return runner.ScoreAsync(client, rebuild: false, cancellationToken);
    }
}
