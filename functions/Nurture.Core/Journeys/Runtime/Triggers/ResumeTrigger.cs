namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>A marketer resumed a paused instance; timers that fell due meanwhile run now.</summary>
/// <param name="Now">The decision time.</param>
public sealed record ResumeTrigger(DateTimeOffset Now) : JourneyTrigger(Now);
