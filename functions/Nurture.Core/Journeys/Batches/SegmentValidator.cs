using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Core.Journeys.Batches;

/// <summary>Checks a segment condition for a batch start: a well-formed condition that only reads known <c>contact.</c> fields.</summary>
/// <remarks>A segment is evaluated against stored profiles with no event in scope, so an <c>event.</c> path would never match.</remarks>
public static class SegmentValidator
{
    /// <summary>Every problem of the condition (empty when it can be used).</summary>
    /// <param name="segment">The condition.</param>
    /// <param name="path">Its path in the request (e.g. <c>segment</c>).</param>
    public static IReadOnlyList<ValidationProblem> Validate(Condition segment, string path)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var problems = new List<ValidationProblem>();
        ConditionValidator.Validate(segment, path, problems);
        if (problems.Count == 0)
        {
            CheckPaths(segment, path, problems);
        }

        return problems;
    }

    private static void CheckPaths(Condition condition, string path, List<ValidationProblem> problems)
    {
        if (condition.All is { } all)
        {
            for (var i = 0; i < all.Count; i++)
            {
                CheckPaths(all[i], $"{path}.all[{i}]", problems);
            }
        }
        else if (condition.Any is { } any)
        {
            for (var i = 0; i < any.Count; i++)
            {
                CheckPaths(any[i], $"{path}.any[{i}]", problems);
            }
        }
        else if (condition.Not is { } not)
        {
            CheckPaths(not, $"{path}.not", problems);
        }
        else if (condition.Path is { } field)
        {
            const string prefix = PathRoots.Contact + ".";
            if (!field.StartsWith(prefix, StringComparison.Ordinal))
            {
                problems.Add(new($"{path}.path", $"path '{field}' must start with 'contact.': a segment is tested against stored profiles, with no event"));
            }
            else if (!ContactPaths.IsKnown(field[prefix.Length..]))
            {
                problems.Add(new($"{path}.path", $"'{field}' is not a contact field; use one of {string.Join(", ", ContactPaths.Fields.Select(f => prefix + f))} or contact.attributes.NAME"));
            }
        }
    }
}
