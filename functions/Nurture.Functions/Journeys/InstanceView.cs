using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Delivery;

namespace Nurture.Functions.Journeys;

/// <summary>Answer of <c>GET /api/journeys/instances/{instanceId}</c>: the Durable instance, the journey state and its timeline.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="RuntimeStatus">The Durable runtime status (pending, running, completed, failed, terminated, suspended).</param>
/// <param name="State">The journey state its last decision left, when one was made.</param>
/// <param name="Timeline">Every step, decision, send, skip and its reason, oldest first.</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When Durable last updated it.</param>
/// <param name="Failure">Why it failed, when it did.</param>
/// <param name="Sends">Each message it sent or tried to: the ledger's outcome (a provider's refusal with its code and reason) and the delivery status history.</param>
public sealed record InstanceView(
    string InstanceId,
    string RuntimeStatus,
    JourneyState? State,
    IReadOnlyList<HistoryEntry> Timeline,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    string? Failure,
    IReadOnlyList<SendView> Sends);
