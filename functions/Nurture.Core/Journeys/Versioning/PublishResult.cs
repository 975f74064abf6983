using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Core.Journeys.Versioning;

/// <summary>The outcome of publishing a draft: the new immutable version, or the problems that block it.</summary>
/// <param name="Published">The version to store, when publishing succeeded.</param>
/// <param name="Problems">Why it did not (empty when it did).</param>
public sealed record PublishResult(JourneyDefinition? Published, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Whether a version was produced.</summary>
    public bool IsPublished => Published is not null;
}
