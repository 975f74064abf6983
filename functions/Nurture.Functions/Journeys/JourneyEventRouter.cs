using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Runtime;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Offers ingested events to journeys: first as a signal to the contact's live instances whose journey has a goal or a
/// wait for that event type (goals end them, waits resume), then as an entry to journeys whose trigger the event matches.
/// </summary>
/// <remarks>
/// Idempotent per event: instances remember handled event ids, and entry instance ids derive from the event id, so a
/// redelivered event neither resumes twice nor enters twice. The Durable client is the invocation's own
/// (<c>[DurableClient]</c>), so <see cref="For"/> binds the router to it.
/// </remarks>
public sealed class JourneyEventRouter(
    JourneyStorage storage,
    IJourneyContactSource contacts,
    JourneyStarter starter,
    JourneySignals signals,
    JourneyContextLoader contexts,
    JourneyContactEraser eraser,
    TimeProvider clock,
    ILogger<JourneyEventRouter> logger)
{
    /// <summary>The router as ingestion's sink, raising and starting through <paramref name="client"/>.</summary>
    public IJourneyEventSink For(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new BoundSink(this, client);
    }

    /// <summary>Raises the event to listening live instances and starts the journeys it enters.</summary>
    public async Task OfferAsync(DurableTaskClient client, string contactId, CanonicalEvent canonical, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(canonical);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();

        var live = await storage.Instances.ListForContactAsync(contactId, liveOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var listening = new Dictionary<(string, int), bool>();
        foreach (var instance in live)
        {
            if (!listening.TryGetValue((instance.JourneyId, instance.Version), out var listens))
            {
                var version = await storage.Definitions.GetVersionAsync(instance.JourneyId, instance.Version, cancellationToken).ConfigureAwait(false);
                listens = version is null || EventMatching.Listens(version, canonical.Type);
                listening[(instance.JourneyId, instance.Version)] = listens;
            }

            if (listens)
            {
                await signals.RaiseEventAsync(client, instance.InstanceId, contactId, canonical, cancellationToken).ConfigureAwait(false);
            }
        }

        var journeys = await storage.Definitions.ListEnteredByAsync(canonical.Type, cancellationToken).ConfigureAwait(false);
        JourneyLog.Routed(logger, canonical.EventId, live.Count, journeys.Count);
        if (journeys.Count == 0)
        {
            return;
        }

        var contact = (await contacts.GetAsync(contactId, cancellationToken).ConfigureAwait(false))?.Contact ?? new JourneyContact(contactId);
        foreach (var journey in journeys)
        {
            var definition = await storage.Definitions.GetVersionAsync(journey.JourneyId, journey.LatestVersion, cancellationToken).ConfigureAwait(false);
            if (definition is null)
            {
                continue;
            }

            var prior = await storage.Instances.ListForContactAsync(contactId, journey.JourneyId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var priors = new List<PriorInstance>(prior.Count);
            foreach (var instance in prior)
            {
                // An instance this very event ends (a reorder ending a replenishment reminder that the reorder
                // also enters) is over as far as entry is concerned, although its exit is still being decided.
                var endsNow = instance.Live && await EndsOnArrivalAsync(instance, canonical, contact, now, cancellationToken).ConfigureAwait(false);
                priors.Add(instance.ToPrior() with { Live = instance.Live && !endsNow });
            }

            var decision = JourneyEntryEvaluator.ForEvent(definition, canonical, contact, priors, now);
            if (decision is { Enters: true, State: { } pending })
            {
                var context = await contexts.LoadAsync(new LoadContextRequest(contactId, null, false, now), cancellationToken).ConfigureAwait(false);
                await starter.StartAsync(client, pending, definition, context, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Erasure: terminates the contact's running instances and deletes their instances and sends, through <paramref name="client"/>.</summary>
    public Task<int> EraseContactAsync(DurableTaskClient client, string contactId, string reason, CancellationToken cancellationToken = default) =>
        eraser.EraseAsync(client, contactId, reason, cancellationToken);

    private async Task<bool> EndsOnArrivalAsync(ContactInstance instance, CanonicalEvent canonical, JourneyContact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = await storage.Definitions.GetVersionAsync(instance.JourneyId, instance.Version, cancellationToken).ConfigureAwait(false);
        if (definition is null || !definition.GoalsOrEmpty.Any(g => string.Equals(g.EventType, canonical.Type, StringComparison.Ordinal)))
        {
            return false;
        }

        var recorded = await storage.Instances.LoadAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
        return recorded is not null
            && EventMatching.GoalMetByArrival(definition, recorded.State, EventSnapshot.From(canonical), contact, now) is not null;
    }

    private sealed class BoundSink(JourneyEventRouter router, DurableTaskClient client) : IJourneyEventSink
    {
        public Task OfferAsync(string contactId, CanonicalEvent evt, CancellationToken cancellationToken) =>
            router.OfferAsync(client, contactId, evt, cancellationToken);

        public Task EraseContactAsync(string contactId, string reason, CancellationToken cancellationToken) =>
            router.EraseContactAsync(client, contactId, reason, cancellationToken);
    }
}
