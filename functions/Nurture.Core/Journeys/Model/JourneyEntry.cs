using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Journeys.Model;

/// <summary>How contacts enter a journey.</summary>
/// <param name="Kind">Event trigger, segment membership, or API only.</param>
/// <param name="EventType">For <see cref="EntryKind.Event"/>: the event type that starts an instance.</param>
/// <param name="Filter">For <see cref="EntryKind.Event"/>: a condition on the event (<c>event.</c>) and the contact (<c>contact.</c>).</param>
/// <param name="Segment">For <see cref="EntryKind.Segment"/>: the condition on the contact that defines the segment.</param>
public sealed record JourneyEntry(EntryKind Kind, string? EventType = null, Condition? Filter = null, Condition? Segment = null);
