namespace Nurture.Channels.Ingestion;

/// <summary>
/// What mapping one delivery produced: events (<see cref="MappedEvents"/>), a deliberate no-op for a topic
/// Nurture does not use (<see cref="IgnoredDelivery"/>), or a payload that cannot be mapped
/// (<see cref="InvalidDelivery"/>). Bad input is an outcome, never an exception.
/// </summary>
public abstract record MappingOutcome;
