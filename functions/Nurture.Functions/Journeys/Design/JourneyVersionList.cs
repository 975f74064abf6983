namespace Nurture.Functions.Journeys.Design;

/// <summary>Answer of <c>GET /api/journeys/{journeyId}/versions</c>.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Versions">Published version numbers, ascending.</param>
/// <param name="LatestVersion">The version new entries get; left out when nothing is published.</param>
/// <param name="Paused">Whether new entries are paused.</param>
/// <param name="HasDraft">Whether a draft is stored.</param>
public sealed record JourneyVersionList(string JourneyId, IReadOnlyList<int> Versions, int? LatestVersion, bool Paused, bool HasDraft);
