using System.Text.Json;
using Nurture.Core.Journeys.Contacts;

namespace Nurture.Core.Journeys.Conditions;

/// <summary>What a condition can see.</summary>
/// <remarks>
/// <c>contact.</c> paths: <c>contact.id</c>, <c>contact.time_zone</c>, <c>contact.tags</c>,
/// <c>contact.order_count</c>, <c>contact.total_spent</c>, <c>contact.last_order_at</c>,
/// <c>contact.days_since_last_order</c> (from <see cref="Now"/>), <c>contact.first_seen_at</c>,
/// <c>contact.has_email</c>, <c>contact.has_phone</c>, <c>contact.attributes.NAME[.path]</c>.
/// </remarks>
/// <param name="Contact">The contact.</param>
/// <param name="Now">The decision time (never read from a clock).</param>
/// <param name="Event">Properties of the event being evaluated (or the entry event in branches).</param>
/// <param name="Trigger">Properties of the instance's entry event.</param>
/// <param name="LastEvent">Properties of the event that last resumed a wait.</param>
public sealed record ConditionScope(
    JourneyContact Contact,
    DateTimeOffset Now,
    JsonElement? Event = null,
    JsonElement? Trigger = null,
    JsonElement? LastEvent = null);
