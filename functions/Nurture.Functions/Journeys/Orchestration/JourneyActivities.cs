using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>The I/O of journey instances: the only code of theirs that touches storage or a channel. Each is safe to run twice.</summary>
public sealed class JourneyActivities(JourneyDecisionApplier applier, JourneyContextLoader contexts, JourneyStorage storage)
{
    /// <summary>Records a decision (state and timeline) and carries out its commands; reports each send.</summary>
    [Function(nameof(ApplyJourneyDecision))]
    public Task<List<SendReport>> ApplyJourneyDecision([ActivityTrigger] ApplyDecisionRequest request, CancellationToken cancellationToken) =>
        applier.ApplyAsync(request, cancellationToken);

    /// <summary>What a decision needs to know besides the state: the contact's view, recent sends and events (JSON).</summary>
    [Function(nameof(LoadJourneyContext))]
    public async Task<string> LoadJourneyContext([ActivityTrigger] LoadContextRequest request, CancellationToken cancellationToken) =>
        JsonSerializer.Serialize(await contexts.LoadAsync(request, cancellationToken).ConfigureAwait(false), JourneyJson.Options);

    /// <summary>An event read back from the contact's timeline (JSON), or null when it is gone (erased).</summary>
    [Function(nameof(LoadStoredEvent))]
    public async Task<string?> LoadStoredEvent([ActivityTrigger] StoredEventReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var stored = await storage.Events.GetAsync(reference.ContactId, reference.EventId, reference.OccurredAt, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Serialize(stored.Event, JourneyJson.Options);
    }
}
