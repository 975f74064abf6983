namespace Nurture.Core.Journeys.Runtime;

/// <summary>Why a timer is pending. Stored by name: never rename a member.</summary>
public enum TimerPurpose
{
    /// <summary>A delay node's wait.</summary>
    Delay,

    /// <summary>A wait-for-event node's timeout.</summary>
    WaitTimeout,

    /// <summary>A send moved by quiet hours or a frequency cap.</summary>
    SendDeferred,

    /// <summary>A send moved to the contact's best hour.</summary>
    BestTime,
}
