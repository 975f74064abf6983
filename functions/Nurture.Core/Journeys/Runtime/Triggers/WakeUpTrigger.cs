namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>A timer fired. Only the instance's pending timer id has an effect; stale and duplicate wake-ups are ignored.</summary>
/// <param name="TimerId">The timer that fired.</param>
/// <param name="Now">The decision time.</param>
public sealed record WakeUpTrigger(string TimerId, DateTimeOffset Now) : JourneyTrigger(Now);
