using System.Reflection;
using Nurture.LocalHost.Binding;

namespace Nurture.LocalHost.Catalog;

/// <summary>A <c>timerTrigger</c> function.</summary>
public sealed class TimerFunction : LocalFunction
{
    internal TimerFunction(string name, MethodInfo method, BoundMethod binding, string schedule, bool runOnStartup, bool useMonitor)
        : base(name, method, binding)
    {
        Schedule = schedule;
        RunOnStartup = runOnStartup;
        UseMonitor = useMonitor;
    }

    /// <inheritdoc />
    public override TriggerKind Trigger => TriggerKind.Timer;

    /// <summary>The 6-field NCRONTAB expression, with <c>%Setting%</c> expressions resolved.</summary>
    public string Schedule { get; }

    /// <summary>Run once when the host starts, whatever the schedule says.</summary>
    public bool RunOnStartup { get; }

    /// <summary>Keep last/next in the status table (as declared; the scheduler turns it off for sub-minute schedules, as the host does).</summary>
    public bool UseMonitor { get; }
}
