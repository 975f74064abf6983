namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>
/// The one external event a journey instance waits for (<see cref="JourneyOrchestration.SignalName"/>): an event about
/// its contact, or a pause, resume or cancel. One event name keeps signals in the order they were raised.
/// </summary>
/// <param name="Kind">What the signal asks.</param>
/// <param name="EventJson">The canonical event (<c>JourneyJson</c>), for <see cref="JourneySignalKind.Event"/>.</param>
/// <param name="StoredEvent">Where to read an event too large to travel in the signal.</param>
/// <param name="Reason">Why a cancel was asked (no personal data).</param>
public sealed record JourneySignal(JourneySignalKind Kind, string? EventJson = null, StoredEventReference? StoredEvent = null, string? Reason = null);
