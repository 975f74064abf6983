namespace Nurture.Core.Journeys.Model;

/// <summary>A pair of property paths whose values must be equal: one in the entry event, one in a later event.</summary>
/// <param name="Trigger">Property path in the instance's entry event (e.g. <c>checkout_token</c>).</param>
/// <param name="Event">Property path in the later event (e.g. <c>checkout_token</c> of <c>order.placed</c>).</param>
public sealed record KeyMatch(string Trigger, string Event);
