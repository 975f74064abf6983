using Nurture.Core.Journeys.Runtime;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>What became of one send of a decision.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Outcome">Sent (now or by an earlier attempt), or failed for good.</param>
/// <param name="Transient">True when the channel could not take it now: the instance waits and sends again.</param>
/// <param name="Detail">The channel's reason (no personal data).</param>
public sealed record SendReport(string MessageId, SendOutcome Outcome, bool Transient = false, string? Detail = null);
