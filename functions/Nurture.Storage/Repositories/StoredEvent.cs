using Nurture.Core.Events;

namespace Nurture.Storage.Repositories;

/// <summary>An event as stored: resolved to a contact.</summary>
/// <param name="ContactId">The contact the event was attributed to.</param>
/// <param name="Event">The canonical event (its identity holds only the contact id: raw addresses are not stored twice).</param>
/// <param name="StoredAt">When the row was last written (the table's timestamp); null for an event not read from a table.</param>
public sealed record StoredEvent(string ContactId, CanonicalEvent Event, DateTimeOffset? StoredAt = null);
