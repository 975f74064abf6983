using Nurture.Core.Journeys.Model;
using Nurture.Core.SendTime;

namespace Nurture.Storage.Journeys;

/// <summary>One message in the send ledger.</summary>
/// <param name="MessageId">The decider's deterministic message id.</param>
/// <param name="ContactId">The recipient contact.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Marketing">Whether it counts toward frequency caps.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Attempts">How many times it was reserved.</param>
/// <param name="ReservedAt">First reservation.</param>
/// <param name="CompletedAt">When sent, skipped or failed.</param>
/// <param name="ProviderMessageId">The channel's id for it.</param>
/// <param name="Detail">Why it was skipped or failed (no personal data).</param>
/// <param name="SendTime">For a send from a best-time step, its arm of the send-time experiment; otherwise null.</param>
public sealed record LedgerEntry(
    string MessageId,
    string ContactId,
    MessageChannel Channel,
    bool Marketing,
    LedgerStatus Status,
    int Attempts,
    DateTimeOffset ReservedAt,
    DateTimeOffset? CompletedAt = null,
    string? ProviderMessageId = null,
    string? Detail = null,
    SendTimeArm? SendTime = null);
