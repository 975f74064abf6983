using Microsoft.Extensions.Logging;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Raises ingested events to journeys: first to the contact's live instances whose journey has a goal or a wait for
/// that event type (goals end them, waits resume), then to journeys whose entry trigger the event matches.
/// </summary>
/// <remarks>
/// Idempotent per event: live instances remember handled event ids, and entry instance ids derive from the event
/// id, so a redelivered event neither resumes twice nor enters twice.
/// </remarks>
public sealed class JourneyEventRouter : IJourneyEventSink
{
    private readonly JourneyStorage _storage;
    private readonly IJourneyContactSource _contacts;
    private readonly JourneyStarter _starter;
    private readonly TimeProvider _clock;
    private readonly ILogger<JourneyEventRouter> _logger;

    /// <summary>Creates the router.</summary>
    public JourneyEventRouter(JourneyStorage storage, IJourneyContactSource contacts, JourneyStarter starter, TimeProvider clock, ILogger<JourneyEventRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _storage = storage;
        _contacts = contacts;
        _starter = starter;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task OfferAsync(string contactId, CanonicalEvent canonical, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(canonical);
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();

        var live = await _storage.Instances.ListForContactAsync(contactId, liveOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var listening = new Dictionary<(string, int), bool>();
        foreach (var instance in live)
        {
            if (!listening.TryGetValue((instance.JourneyId, instance.Version), out var listens))
            {
                var version = await _storage.Definitions.GetVersionAsync(instance.JourneyId, instance.Version, cancellationToken).ConfigureAwait(false);
                listens = version is null || EventMatching.Listens(version, canonical.Type);
                listening[(instance.JourneyId, instance.Version)] = listens;
            }

            if (listens)
            {
                await _storage.Work.EnqueueEventAsync(instance.InstanceId, contactId, new EventArrivedTrigger(canonical, now), cancellationToken).ConfigureAwait(false);
            }
        }

        var journeys = await _storage.Definitions.ListEnteredByAsync(canonical.Type, cancellationToken).ConfigureAwait(false);
        JourneyLog.Routed(_logger, canonical.EventId, live.Count, journeys.Count);
        if (journeys.Count == 0)
        {
            return;
        }

        var contact = (await _contacts.GetAsync(contactId, cancellationToken).ConfigureAwait(false))?.Contact ?? new JourneyContact(contactId);
        foreach (var journey in journeys)
        {
            var definition = await _storage.Definitions.GetVersionAsync(journey.JourneyId, journey.LatestVersion, cancellationToken).ConfigureAwait(false);
            if (definition is null)
            {
                continue;
            }

            var prior = await _storage.Instances.ListForContactAsync(contactId, journey.JourneyId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var priors = new List<PriorInstance>(prior.Count);
            foreach (var instance in prior)
            {
                // An instance this very event ends (a reorder ending a replenishment reminder that the reorder
                // also enters) is over as far as entry is concerned, although its exit is still on the queue.
                var endsNow = instance.Live && await EndsOnArrivalAsync(instance, canonical, contact, now, cancellationToken).ConfigureAwait(false);
                priors.Add(instance.ToPrior() with { Live = instance.Live && !endsNow });
            }

            var decision = JourneyEntryEvaluator.ForEvent(definition, canonical, contact, priors, now);
            if (decision is { Enters: true, State: { } pending })
            {
                await _starter.StartAsync(pending, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> EndsOnArrivalAsync(ContactInstance instance, CanonicalEvent canonical, JourneyContact contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = await _storage.Definitions.GetVersionAsync(instance.JourneyId, instance.Version, cancellationToken).ConfigureAwait(false);
        if (definition is null || !definition.GoalsOrEmpty.Any(g => string.Equals(g.EventType, canonical.Type, StringComparison.Ordinal)))
        {
            return false;
        }

        var loaded = await _storage.Instances.LoadAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
        return loaded is not null
            && EventMatching.GoalMetByArrival(definition, loaded.State, EventSnapshot.From(canonical), contact, now) is not null;
    }
}
