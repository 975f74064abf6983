namespace Nurture.Storage.Journeys;

/// <summary>One journey as a listing shows it: what it is called, what is published, whether a draft waits.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Name">Its display name: the draft's when there is a draft, else the latest version's.</param>
/// <param name="LatestVersion">The highest published version, or null when only a draft exists.</param>
/// <param name="Paused">Whether new entries are paused.</param>
/// <param name="HasDraft">Whether a draft is stored.</param>
/// <param name="UpdatedAt">When the draft was last saved or the journey last published, paused or resumed.</param>
public sealed record JourneyOverview(string JourneyId, string? Name, int? LatestVersion, bool Paused, bool HasDraft, DateTimeOffset? UpdatedAt);
