
namespace Nurture.LocalHost.Timers;

/// <summary>
/// The timer's rule, pure: given the time, the schedule's status (persisted by the monitor, or kept in memory)
/// and whether a run-on-startup is still owed, either fire once or wait. Several missed occurrences fire once.
/// </summary>
public static class TimerDecider
{
    /// <summary>A run later than this after its occurrence counts as past due.</summary>
    public static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Decides what to do at <paramref name="now"/>.</summary>
    public static TimerDecision Decide(DateTimeOffset now, TimerStatus status, bool startupRunPending)
    {
        ArgumentNullException.ThrowIfNull(status);
        var late = now - status.Next > PastDueTolerance;
        if (startupRunPending)
        {
            return new TimerDecision.Fire(status.Next <= now ? status.Next : now, late);
        }

        return status.Next <= now ? new TimerDecision.Fire(status.Next, late) : new TimerDecision.Wait(status.Next);
    }

    /// <summary>The status after running the occurrence due at <paramref name="scheduledFor"/>, finished at <paramref name="finishedAt"/>.</summary>
    /// <remarks>The next occurrence counts from when the run finished, so runs never overlap and a long run skips what it overran.</remarks>
    public static TimerStatus AfterRun(CronSchedule schedule, DateTimeOffset scheduledFor, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var from = finishedAt > scheduledFor ? finishedAt : scheduledFor;
        return new TimerStatus(scheduledFor, schedule.NextAfter(from), finishedAt);
    }
}
