using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Core.Journeys.Versioning;

/// <summary>Turns a draft into the next immutable version. Pure: storing it (insert-only, so a version is never overwritten) is the caller's job.</summary>
/// <remarks>
/// Running instances keep the version in their state and are advanced with that version's definition; only
/// new entries use the version published here.
/// </remarks>
public static class JourneyPublishing
{
    /// <summary>Validates the draft and numbers it one above the latest published version.</summary>
    /// <param name="draft">The draft (its own version number is ignored).</param>
    /// <param name="latestPublishedVersion">The highest version already published, or null for none.</param>
    public static PublishResult Publish(JourneyDefinition draft, int? latestPublishedVersion)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (latestPublishedVersion is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(latestPublishedVersion), latestPublishedVersion, "Published versions start at 1.");
        }

        var numbered = draft with { Version = (latestPublishedVersion ?? 0) + 1 };
        var problems = JourneyValidator.Validate(numbered);
        return problems.Count == 0 ? new PublishResult(numbered, []) : new PublishResult(null, problems);
    }
}
