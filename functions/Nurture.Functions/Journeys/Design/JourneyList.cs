using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys.Design;

/// <summary>Answer of <c>GET /api/journeys</c>: every journey with a draft or a published version.</summary>
/// <param name="Count">How many.</param>
/// <param name="Journeys">The journeys, by id.</param>
public sealed record JourneyList(int Count, IReadOnlyList<JourneyOverview> Journeys);
