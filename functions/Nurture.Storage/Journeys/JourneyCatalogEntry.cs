using Nurture.Core.Journeys.Model;

namespace Nurture.Storage.Journeys;

/// <summary>What the event router needs to know about a journey without loading its document.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="LatestVersion">The highest published version (new entries use it).</param>
/// <param name="EntryKind">How the latest version is entered.</param>
/// <param name="EntryEventType">The event type that enters it, for event-entered journeys.</param>
/// <param name="Paused">Whether a marketer paused the journey (no new entries).</param>
public sealed record JourneyCatalogEntry(string JourneyId, int LatestVersion, EntryKind EntryKind, string? EntryEventType, bool Paused);
