using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.SendTime;
using Nurture.Functions.SendTime;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// Loads what the decider needs besides the state: the contact's journey view (with their send-time model), recent
/// sends (for caps), events since the start (for goals) and the shop's send-time pattern (for best-time steps).
/// </summary>
public sealed class JourneyContextLoader(JourneyStorage storage, IJourneyContactSource contacts, SendPolicyOptions policy, ShopSendTimes shopSendTimes, SendTimeOptions sendTime)
{
    /// <summary>How many timeline events are read for the goal re-check before a send.</summary>
    public const int RecentEventLimit = 100;

    /// <summary>The context for a decision at <see cref="LoadContextRequest.Now"/>.</summary>
    public async Task<DecisionContext> LoadAsync(LoadContextRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var recipient = await contacts.GetAsync(request.ContactId, cancellationToken).ConfigureAwait(false);

        // Recent sends only feed the frequency caps: without a cap there is nothing to read.
        var window = new[] { policy.EmailCap?.Window, policy.SmsCap?.Window }.Max();
        var sends = window is { } longest
            ? await storage.Ledger.RecentSendsAsync(request.ContactId, request.Now - longest, cancellationToken).ConfigureAwait(false)
            : [];
        var events = new List<CanonicalEvent>();
        if (request.WithRecentEvents && request.StartedAt is { } started)
        {
            await foreach (var stored in storage.Events.ReadTimelineAsync(request.ContactId, RecentEventLimit, cancellationToken).ConfigureAwait(false))
            {
                if (stored.Event.OccurredAt >= started)
                {
                    events.Add(stored.Event);
                }
            }
        }

        var shop = request.WithShopSendTime ? await shopSendTimes.GetAsync(cancellationToken).ConfigureAwait(false) : null;
        return new DecisionContext(recipient?.Contact ?? new JourneyContact(request.ContactId), sends, events, policy, shop, sendTime);
    }
}
