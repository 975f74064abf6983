namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>
/// Asks the runner to look at an instance again without anything having happened: it applies the side effects an
/// earlier attempt saved but never applied (its message ended in poison, say). The decider changes nothing for it.
/// </summary>
/// <param name="Now">The decision time.</param>
public sealed record NudgeTrigger(DateTimeOffset Now) : JourneyTrigger(Now);
