namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>A marketer paused the instance (or its journey).</summary>
/// <param name="Now">The decision time.</param>
public sealed record PauseTrigger(DateTimeOffset Now) : JourneyTrigger(Now);
