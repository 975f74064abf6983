using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Functions.Journeys.Design;

/// <summary>Answer of <c>GET /api/journeys/{journeyId}/draft</c>: the stored draft and what keeps it from being published.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Draft">The draft document, as it was saved.</param>
/// <param name="Valid">Whether it can be published now.</param>
/// <param name="Problems">What to fix (empty when valid).</param>
public sealed record JourneyDraftView(string JourneyId, JourneyDefinition Draft, bool Valid, IReadOnlyList<ValidationProblem> Problems);
