namespace Nurture.Core.Metrics.Portrait;

/// <summary>A part of the contact's local day. Stored by name: never rename a member.</summary>
public enum DayPart
{
    /// <summary>00:00–05:59.</summary>
    Night,

    /// <summary>06:00–11:59.</summary>
    Morning,

    /// <summary>12:00–17:59.</summary>
    Afternoon,

    /// <summary>18:00–23:59.</summary>
    Evening,
}
