namespace Nurture.Core.Journeys.Runtime;

/// <summary>One line of an instance's timeline: what happened, when, where and why.</summary>
/// <param name="At">Decision time.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">Why, in words (no personal data).</param>
/// <param name="NodeId">The node concerned, if any.</param>
/// <param name="MessageId">The message concerned, if any.</param>
public sealed record HistoryEntry(DateTimeOffset At, HistoryKind Kind, string Message, string? NodeId = null, string? MessageId = null);
