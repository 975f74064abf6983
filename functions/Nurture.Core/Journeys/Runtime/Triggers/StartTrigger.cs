namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>Starts a pending instance (created by an entry decision) at its start node.</summary>
/// <param name="Now">The decision time.</param>
public sealed record StartTrigger(DateTimeOffset Now) : JourneyTrigger(Now);
