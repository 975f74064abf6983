using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion;

/// <summary>Maps one platform's deliveries to canonical events. Pure: no clock, no I/O, no exceptions for bad input.</summary>
public interface IPayloadMapper
{
    /// <summary>The platform this mapper reads.</summary>
    EventSource Source { get; }

    /// <summary>Maps a delivery.</summary>
    MappingOutcome Map(RawDelivery delivery);
}
