using Nurture.Core.Profiles;
using Nurture.Functions.Delivery;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Contacts;

/// <summary>Answer of <c>GET /api/contacts/{id}/export</c>: everything held about the contact (data-subject access).</summary>
/// <param name="ContactId">Nurture's id for the contact.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Profile">The profile (current consent and suppression per channel included).</param>
/// <param name="Events">Every event of the contact's timeline.</param>
/// <param name="ConsentHistory">What each event said about consent and suppression, newest first.</param>
/// <param name="JourneyInstances">Every journey instance of the contact, with its timeline.</param>
/// <param name="Sends">Every message sent (or skipped, or failed) to the contact, with its delivery history.</param>
public sealed record ContactExport(
    string ContactId,
    DateTimeOffset ExportedAt,
    ContactProfile Profile,
    IReadOnlyList<ContactTimelineItem> Events,
    IReadOnlyList<ConsentChange> ConsentHistory,
    IReadOnlyList<ExportedInstance> JourneyInstances,
    IReadOnlyList<ExportedSend> Sends);

/// <summary>A journey instance in an export.</summary>
/// <param name="Instance">The instance as the contact's index has it (journey, version, entry time, status).</param>
/// <param name="Timeline">Its steps, decisions, sends and skips, oldest first.</param>
public sealed record ExportedInstance(ContactInstance Instance, IReadOnlyList<Core.Journeys.Runtime.HistoryEntry> Timeline);

/// <summary>A message in an export.</summary>
/// <param name="Ledger">The send ledger's row (channel, status, times, provider id, skip reason).</param>
/// <param name="History">The provider's delivery events, oldest first.</param>
public sealed record ExportedSend(LedgerEntry Ledger, IReadOnlyList<SendStatusEntry> History);
