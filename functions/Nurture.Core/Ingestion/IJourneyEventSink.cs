using Nurture.Core.Events;

namespace Nurture.Core.Ingestion;

/// <summary>
/// Where ingestion offers every processed event, once it is on the contact's timeline and profile: the journey
/// engine implements it (entry triggers, goals, resuming waits).
/// </summary>
/// <remarks>An event may be offered more than once (redelivery after a crash): implementations must be idempotent by <see cref="CanonicalEvent.EventId"/>.</remarks>
public interface IJourneyEventSink
{
    /// <summary>Offers the event, attributed to <paramref name="contactId"/>.</summary>
    Task OfferAsync(string contactId, CanonicalEvent evt, CancellationToken cancellationToken);

    /// <summary>
    /// Erasure: ends the contact's running journeys and deletes their instances and sends. The default does nothing
    /// (a sink with no journeys behind it).
    /// </summary>
    Task EraseContactAsync(string contactId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
