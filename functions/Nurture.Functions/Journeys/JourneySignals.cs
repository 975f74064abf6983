using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys.Orchestration;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Raises <see cref="JourneySignal"/>s to instances. Every payload is built here from typed values and read back
/// before it is raised: an external event the orchestration cannot read would be retried by Durable for ever and
/// wedge the instance, so nothing unreadable is ever raised.
/// </summary>
public sealed class JourneySignals(ILogger<JourneySignals> logger)
{
    /// <summary>Events up to this size (UTF-8 JSON) travel in the signal; larger ones as a reference to the contact's timeline.</summary>
    public const int MaxInlineEventBytes = 32 * 1024;

    /// <summary>Raises an event about the contact to the instance.</summary>
    public Task RaiseEventAsync(DurableTaskClient client, string instanceId, string contactId, CanonicalEvent canonical, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var json = JsonSerializer.Serialize(canonical, JourneyJson.Options);
        var signal = Encoding.UTF8.GetByteCount(json) <= MaxInlineEventBytes
            ? new JourneySignal(JourneySignalKind.Event, EventJson: json)
            : new JourneySignal(JourneySignalKind.Event, StoredEvent: new StoredEventReference(contactId, canonical.EventId, canonical.OccurredAt));
        return RaiseAsync(client, instanceId, signal, canonical.EventId, cancellationToken);
    }

    /// <summary>Asks the instance to pause, resume or end.</summary>
    public Task RaiseControlAsync(DurableTaskClient client, string instanceId, JourneySignalKind kind, string? reason, CancellationToken cancellationToken)
    {
        if (kind == JourneySignalKind.Event)
        {
            throw new ArgumentException("Events are raised with RaiseEventAsync.", nameof(kind));
        }

        return RaiseAsync(client, instanceId, new JourneySignal(kind, Reason: reason), kind.ToString(), cancellationToken);
    }

    private async Task RaiseAsync(DurableTaskClient client, string instanceId, JourneySignal signal, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (signal.EventJson is { } json && !Readable(json))
        {
            JourneyLog.NotRaised(logger, what, instanceId, "its payload does not read back as an event");
            return;
        }

        await client.RaiseEventAsync(instanceId, JourneyOrchestration.SignalName, signal, cancellationToken).ConfigureAwait(false);
    }

    private static bool Readable(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CanonicalEvent>(json, JourneyJson.Options) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
