using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nurture.Channels.Sending;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Delivery;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// Carries out one decision of an instance: records it, then sends (through the send ledger), updates the profile and
/// the contact's instance index. Every step is idempotent, because Durable runs an activity again when a crash left
/// its completion unrecorded.
/// </summary>
/// <remarks>
/// A send reserves its deterministic message id in the ledger first: an id already sent sends nothing; an id whose
/// earlier attempt died between handing the message over and recording it asks the channel whether it took it before
/// sending again. Messages are composed for the instance's shop (the <c>shopDomain</c> of its entry event). A channel that cannot take a message now is reported as transient (the orchestration waits and
/// tries again); one that rejects it for good is reported as failed and decided on.
/// </remarks>
public sealed partial class JourneyDecisionApplier(
    JourneyStorage storage,
    IJourneyContactSource contacts,
    IMessageChannel channel,
    MessageComposer composer,
    RecipientEffects recipients,
    SendStatusStore statuses,
    TimeProvider clock,
    ILogger<JourneyDecisionApplier> logger)
{
    /// <summary>Records the decision when asked and applies its commands; one report per send.</summary>
    public async Task<List<SendReport>> ApplyAsync(ApplyDecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var state = JsonSerializer.Deserialize<JourneyState>(request.StateJson, JourneyJson.Options)!;
        var commands = JsonSerializer.Deserialize<List<JourneyCommand>>(request.CommandsJson, JourneyJson.Options)!;
        if (request.Record)
        {
            var history = commands.OfType<RecordHistory>().Select(c => c.Entry).ToList();
            await storage.Instances.RecordDecisionAsync(state, request.Decision, history, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await RecordEntryAndSplitsAsync(state, history, cancellationToken).ConfigureAwait(false);
        }

        var reports = new List<SendReport>();
        foreach (var command in commands)
        {
            switch (command)
            {
                case SendMessage send:
                    reports.Add(await SendAsync(send, ShopOf(state), cancellationToken).ConfigureAwait(false));
                    break;
                case UpdateProfile update:
                    await contacts.ApplyAsync(update, cancellationToken).ConfigureAwait(false);
                    break;
                case EndInstance end:
                    await storage.Instances.UpdateIndexAsync(IndexRow(state, end.Status), cancellationToken).ConfigureAwait(false);
                    break;
                case RecordHistory or ScheduleWakeUp:
                    // Recorded above; the orchestration's durable timer is the wake-up.
                    break;
                default:
                    throw new InvalidOperationException($"A journey decision cannot carry out {command.GetType().Name}.");
            }
        }

        return reports;
    }

    /// <summary>The shop the instance runs for: the domain on its entry event (or the event that last resumed it); null for the default shop.</summary>
    private static string? ShopOf(JourneyState state)
    {
        foreach (var snapshot in new[] { state.Entry, state.LastEvent })
        {
            if (snapshot is { Properties.ValueKind: JsonValueKind.Object } && snapshot.Properties.TryGetProperty(EventProperties.ShopDomain, out var shop)
                && shop.ValueKind == JsonValueKind.String && shop.GetString() is { Length: > 0 } domain)
            {
                return domain;
            }
        }

        return null;
    }

    private static ContactInstance IndexRow(JourneyState state, JourneyStatus status) =>
        new(state.ContactId, state.InstanceId, state.JourneyId, state.Version, state.InstanceKey, state.StartedAt ?? state.EndedAt ?? DateTimeOffset.UnixEpoch, status);
}
