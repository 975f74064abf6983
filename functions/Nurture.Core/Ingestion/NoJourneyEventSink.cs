using Nurture.Core.Events;

namespace Nurture.Core.Ingestion;

/// <summary>The sink used until a journey engine is registered: it takes every event and does nothing.</summary>
public sealed class NoJourneyEventSink : IJourneyEventSink
{
    /// <inheritdoc />
    public Task OfferAsync(string contactId, CanonicalEvent evt, CancellationToken cancellationToken) => Task.CompletedTask;
}
