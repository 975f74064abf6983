namespace Nurture.Core.Journeys.Runtime;

/// <summary>What a history entry records. Stored by name: never rename a member.</summary>
public enum HistoryKind
{
    /// <summary>The instance started.</summary>
    Started,

    /// <summary>A node was entered.</summary>
    Step,

    /// <summary>A message was handed to the channel.</summary>
    Sent,

    /// <summary>A send was skipped (consent, suppression, no address).</summary>
    Skipped,

    /// <summary>A send was moved later (quiet hours, frequency cap, best time).</summary>
    Deferred,

    /// <summary>A timer was set.</summary>
    Waiting,

    /// <summary>A branch, split or wait chose a path.</summary>
    Decision,

    /// <summary>A profile update was requested.</summary>
    ProfileUpdated,

    /// <summary>The channel reported on a message.</summary>
    SendResult,

    /// <summary>A trigger changed nothing (duplicate, stale timer, unrelated event).</summary>
    Ignored,

    /// <summary>Something worth knowing (unknown time zone, missing data).</summary>
    Note,

    /// <summary>Paused.</summary>
    Paused,

    /// <summary>Resumed after a pause.</summary>
    Resumed,

    /// <summary>The instance ended.</summary>
    Ended,
}
