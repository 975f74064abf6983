using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.SendTime;

namespace Nurture.Core.Journeys.Decider;

/// <summary>What the runner loads for a decision besides the definition and state.</summary>
/// <param name="Contact">The contact's journey view.</param>
/// <param name="RecentSends">Messages sent to the contact by any journey within the longest cap window (from the send ledger).</param>
/// <param name="RecentEvents">The contact's events since the instance started (from the timeline), for re-checking goals before a send.</param>
/// <param name="Policy">Send policy settings; <see cref="SendPolicyOptions.Default"/> when null.</param>
/// <param name="ShopSendTime">The shop's send-time pattern (stored by the host, refreshed on a timer); null before one exists.</param>
/// <param name="SendTime">Send-time settings; <see cref="SendTimeOptions.Default"/> when null.</param>
public sealed record DecisionContext(
    JourneyContact Contact,
    IReadOnlyList<SentMessage>? RecentSends = null,
    IReadOnlyList<CanonicalEvent>? RecentEvents = null,
    SendPolicyOptions? Policy = null,
    ShopSendTimePattern? ShopSendTime = null,
    SendTimeOptions? SendTime = null);
