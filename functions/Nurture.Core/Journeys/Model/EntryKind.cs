namespace Nurture.Core.Journeys.Model;

/// <summary>What starts a journey. Stored by name: never rename a member.</summary>
public enum EntryKind
{
    /// <summary>An event of a given type whose properties pass a filter.</summary>
    Event,

    /// <summary>Contacts matching a segment condition, started through the API or a timer.</summary>
    Segment,

    /// <summary>Only an explicit API start.</summary>
    Api,
}
