using Nurture.Core.Events;

namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>An event about the instance's contact arrived: it may meet a goal or resume a wait.</summary>
/// <param name="Event">The event.</param>
/// <param name="Now">The decision time.</param>
public sealed record EventArrivedTrigger(CanonicalEvent Event, DateTimeOffset Now) : JourneyTrigger(Now);
