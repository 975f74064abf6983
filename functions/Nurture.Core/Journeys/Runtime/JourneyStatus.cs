namespace Nurture.Core.Journeys.Runtime;

/// <summary>Where an instance is in its life. Stored by name: never rename a member.</summary>
public enum JourneyStatus
{
    /// <summary>Created by an entry decision, not yet started.</summary>
    Pending,

    /// <summary>Waiting on a timer (delay, deferred send, best send time).</summary>
    Waiting,

    /// <summary>Waiting for an event (with a timeout timer).</summary>
    WaitingForEvent,

    /// <summary>Paused by a marketer; timers and events are held until resumed.</summary>
    Paused,

    /// <summary>Walked to the end of its graph or an exit node.</summary>
    Completed,

    /// <summary>Ended early by a goal, a holdout or a failure.</summary>
    Exited,

    /// <summary>Cancelled by a marketer.</summary>
    Cancelled,
}
