namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>A marketer cancelled the instance.</summary>
/// <param name="Now">The decision time.</param>
/// <param name="Reason">Why.</param>
public sealed record CancelTrigger(DateTimeOffset Now, string Reason = "cancelled by request") : JourneyTrigger(Now);
