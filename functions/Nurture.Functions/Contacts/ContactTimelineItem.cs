using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Contacts;

/// <summary>One event of a contact's timeline, as the contact endpoints answer with it.</summary>
/// <param name="EventId">Nurture's id for the event.</param>
/// <param name="Type">The canonical event type (<c>order.created</c>, <c>email.opened</c>, ...).</param>
/// <param name="Source">Where it came from.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Properties">The event's properties, as mapped from the delivery.</param>
public sealed record ContactTimelineItem(string EventId, string Type, EventSource Source, DateTimeOffset OccurredAt, JsonElement Properties)
{
    /// <summary>The item of a stored event.</summary>
    /// <param name="stored">The event.</param>
    public static ContactTimelineItem From(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Event;
        return new ContactTimelineItem(e.EventId, e.Type, e.Source, e.OccurredAt, e.Properties);
    }
}
