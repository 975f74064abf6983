using System.Text.Json;

namespace Nurture.Core.Events;

/// <summary>
/// One thing a shopper (or a channel about a shopper) did, in Nurture's own shape whatever platform
/// reported it. Every webhook delivery and tracked event becomes exactly one of these.
/// </summary>
/// <remarks>
/// Deliveries are at least once: <see cref="EventId"/> is derived from <see cref="Source"/> and
/// <see cref="IdempotencyKey"/> so a retried webhook or a redelivered queue message maps to the same id and
/// changes nothing the second time.
/// </remarks>
/// <param name="EventId">Deterministic id: the same delivery always gets the same id.</param>
/// <param name="Type">What happened, one of <see cref="EventTypes"/> or a custom type.</param>
/// <param name="Source">Who reported it.</param>
/// <param name="IdempotencyKey">The source's own dedupe key (e.g. <c>X-Shopify-Event-Id</c>, <c>sg_event_id</c>).</param>
/// <param name="OccurredAt">When it happened, per the source.</param>
/// <param name="Contact">Who it is about, as far as the source knows.</param>
/// <param name="Properties">The event's details as a JSON object (order total, checkout token, URL, ...).</param>
public sealed record CanonicalEvent(
    string EventId,
    string Type,
    EventSource Source,
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    ContactIdentity Contact,
    JsonElement Properties);
