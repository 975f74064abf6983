namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>An event on a contact's timeline, by the keys it is stored under.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="EventId">The event id.</param>
/// <param name="OccurredAt">When it occurred (part of the timeline row key).</param>
public sealed record StoredEventReference(string ContactId, string EventId, DateTimeOffset OccurredAt);
