using System.Text.Json;
using Nurture.Core.Events;

namespace Nurture.Core.Journeys.Runtime;

/// <summary>The parts of an event an instance keeps (no contact identity).</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Type">The event type.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Properties">Its properties.</param>
public sealed record EventSnapshot(string EventId, string Type, DateTimeOffset OccurredAt, JsonElement Properties)
{
    /// <summary>Snapshots a canonical event.</summary>
    /// <param name="canonical">The event.</param>
    public static EventSnapshot From(CanonicalEvent canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return new(canonical.EventId, canonical.Type, canonical.OccurredAt, canonical.Properties.Clone());
    }
}
