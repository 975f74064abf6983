namespace Nurture.LocalHost.Timers;

/// <summary>A timer's monitor record, the same fields the Functions host keeps.</summary>
/// <param name="Last">The occurrence that ran last, if any.</param>
/// <param name="Next">The next occurrence due.</param>
/// <param name="LastUpdated">When the record was written.</param>
public sealed record TimerStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
