namespace Nurture.Core.Metrics.Facts;

/// <summary>One sign of a contact's interest in a category or product.</summary>
/// <param name="SignalId">Dedupe key: the event id, with the line index for order lines.</param>
/// <param name="Kind">Category or product.</param>
/// <param name="Value">The category name or product id.</param>
/// <param name="Action">Viewed, added to cart or bought.</param>
/// <param name="At">When.</param>
public sealed record InterestSignal(string SignalId, InterestKind Kind, string Value, InterestAction Action, DateTimeOffset At);
