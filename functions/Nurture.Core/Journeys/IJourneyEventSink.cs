using Nurture.Core.Events;

namespace Nurture.Core.Journeys;

/// <summary>
/// The seam between ingestion and journeys: ingestion raises every event it stored for a resolved contact, and
/// journeys start instances (entry triggers), end them (goals) and resume waiting ones.
/// </summary>
/// <remarks>Raised at least once per event: implementations must be idempotent per event id.</remarks>
public interface IJourneyEventSink
{
    /// <summary>Raises one event about a contact to journeys.</summary>
    /// <param name="contactId">The resolved contact.</param>
    /// <param name="canonical">The event.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task RaiseAsync(string contactId, CanonicalEvent canonical, CancellationToken cancellationToken = default);
}
