using Microsoft.Azure.Functions.Worker;

namespace Nurture.Functions.SendTime;

/// <summary>Timer, hourly at :17: builds and stores the shop's send-time pattern (<see cref="ShopSendTimeLearner"/>).</summary>
/// <remarks>
/// The Functions timer (and the local host's) holds a lease, so one host runs it at a time; with the monitor on, an
/// hour missed while no host ran is caught up once at the next start. The learner keeps a pattern built within
/// <see cref="ShopSendTimeOptions.RelearnAfter"/>, so such a catch-up right before the regular run does the work once.
/// </remarks>
public sealed class LearnShopSendTimes(ShopSendTimeLearner learner)
{
    /// <summary>The schedule: six-field NCRONTAB, every hour at minute 17.</summary>
    public const string Schedule = "0 17 * * * *";

    /// <summary>Runs the learner.</summary>
    [Function(FunctionNames.LearnShopSendTimes)]
    public Task RunAsync([TimerTrigger(Schedule, UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return learner.LearnAsync(cancellationToken);
    }
}
