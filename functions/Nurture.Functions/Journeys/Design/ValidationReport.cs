using Nurture.Core.Journeys.Validation;

namespace Nurture.Functions.Journeys.Design;

/// <summary>Answer of <c>PUT .../draft</c> and <c>POST .../validate</c>: every problem of the draft, with its path.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Valid">Whether the draft can be published.</param>
/// <param name="Problems">What to fix (empty when valid).</param>
public sealed record ValidationReport(string JourneyId, bool Valid, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>The report on <paramref name="problems"/>.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="problems">The draft's problems.</param>
    public static ValidationReport Of(string journeyId, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new ValidationReport(journeyId, problems.Count == 0, problems);
    }
}
