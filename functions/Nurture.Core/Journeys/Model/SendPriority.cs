namespace Nurture.Core.Journeys.Model;

/// <summary>
/// How urgent a send is when a frequency cap is reached: higher priorities get a freed slot first.
/// Stored by name: never rename a member.
/// </summary>
public enum SendPriority
{
    /// <summary>Waits longest when capped.</summary>
    Low,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>Takes the first freed slot.</summary>
    High,
}
