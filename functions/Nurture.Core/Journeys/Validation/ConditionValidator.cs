using System.Text.Json;
using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Journeys.Validation;

/// <summary>Checks the shape of conditions.</summary>
public static class ConditionValidator
{
    /// <summary>Adds a problem for every malformed part of a condition (null is fine).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="path">Its path in the document.</param>
    /// <param name="problems">Where problems go.</param>
    public static void Validate(Condition? condition, string path, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (condition is null)
        {
            return;
        }

        if (condition.FormCount != 1)
        {
            problems.Add(new(path, "a condition needs exactly one of all, any, not, or path+op"));
            return;
        }

        if (condition.All is { } all)
        {
            for (var i = 0; i < all.Count; i++)
            {
                Validate(all[i], $"{path}.all[{i}]", problems);
            }
        }
        else if (condition.Any is { } any)
        {
            if (any.Count == 0)
            {
                problems.Add(new($"{path}.any", "'any' with no conditions never holds"));
            }

            for (var i = 0; i < any.Count; i++)
            {
                Validate(any[i], $"{path}.any[{i}]", problems);
            }
        }
        else if (condition.Not is { } not)
        {
            Validate(not, $"{path}.not", problems);
        }
        else
        {
            ValidateComparison(condition, path, problems);
        }
    }

    private static void ValidateComparison(Condition condition, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(condition.Path))
        {
            problems.Add(new($"{path}.path", "a comparison needs a path"));
        }
        else if (!PathRoots.IsRooted(condition.Path))
        {
            problems.Add(new($"{path}.path", $"path '{condition.Path}' must start with one of: {string.Join(", ", PathRoots.All)}"));
        }

        if (condition.Op is not { } op)
        {
            problems.Add(new($"{path}.op", "a comparison needs an operator"));
            return;
        }

        if (op == ConditionOperator.Exists)
        {
            return;
        }

        if (condition.Value is not { } value)
        {
            problems.Add(new($"{path}.value", $"operator '{op.ToString().ToLowerInvariant()}' needs a value"));
        }
        else if (op == ConditionOperator.In && value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new($"{path}.value", "operator 'in' needs an array value"));
        }
    }
}
