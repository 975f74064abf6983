using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion;

/// <summary>The delivery mapped to canonical events.</summary>
/// <param name="Events">One event per delivery, or one per element of a batch (SendGrid, track API).</param>
/// <param name="Rejected">Batch elements that could not be mapped and were left out, each with why.</param>
public sealed record MappedEvents(IReadOnlyList<CanonicalEvent> Events, IReadOnlyList<MappingError> Rejected) : MappingOutcome
{
    /// <summary>A delivery mapped in full.</summary>
    public MappedEvents(params CanonicalEvent[] events)
        : this(events, [])
    {
    }
}
