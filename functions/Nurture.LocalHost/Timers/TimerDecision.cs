namespace Nurture.LocalHost.Timers;

/// <summary>What a timer should do now: a closed set of outcomes of <see cref="TimerDecider"/>.</summary>
public abstract record TimerDecision
{
    private protected TimerDecision()
    {
    }

    /// <summary>Run the function now for the occurrence due at <paramref name="ScheduledFor"/>.</summary>
    public sealed record Fire(DateTimeOffset ScheduledFor, bool IsPastDue) : TimerDecision;

    /// <summary>Nothing is due before <paramref name="Until"/>.</summary>
    public sealed record Wait(DateTimeOffset Until) : TimerDecision;
}
