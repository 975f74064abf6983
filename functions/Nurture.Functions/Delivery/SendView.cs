using Nurture.Storage.Journeys;

namespace Nurture.Functions.Delivery;

/// <summary>One message an instance sent: its ledger outcome and the provider's status history.</summary>
/// <param name="MessageId">Our message id.</param>
/// <param name="Status">Reserved, sent, skipped or failed, as the send ledger has it.</param>
/// <param name="ProviderMessageId">The provider's id, when accepted.</param>
/// <param name="Detail">Why it was skipped or failed: the provider's code and reason for a refusal.</param>
/// <param name="History">The provider's delivery events, oldest first.</param>
public sealed record SendView(string MessageId, LedgerStatus Status, string? ProviderMessageId, string? Detail, IReadOnlyList<SendStatusEntry> History);
