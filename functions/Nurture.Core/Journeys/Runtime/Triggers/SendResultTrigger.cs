namespace Nurture.Core.Journeys.Runtime.Triggers;

/// <summary>The channel reported what happened to a message the instance sent.</summary>
/// <param name="MessageId">The deterministic message id.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Now">The decision time.</param>
/// <param name="Detail">Provider detail (no personal data).</param>
public sealed record SendResultTrigger(string MessageId, SendOutcome Outcome, DateTimeOffset Now, string? Detail = null) : JourneyTrigger(Now);
