using System.Text.Json;

namespace Nurture.Core.Journeys.Conditions;

/// <summary>Evaluates <see cref="Condition"/>s against a <see cref="ConditionScope"/>. Pure.</summary>
public static partial class ConditionEvaluator
{
    /// <summary>Whether the condition holds; a null condition always holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="scope">What it can see.</param>
    public static bool Evaluate(Condition? condition, ConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (condition is null)
        {
            return true;
        }

        if (condition.All is { } all)
        {
            return all.All(c => Evaluate(c, scope));
        }

        if (condition.Any is { } any)
        {
            return any.Any(c => Evaluate(c, scope));
        }

        if (condition.Not is { } not)
        {
            return !Evaluate(not, scope);
        }

        if (condition.Path is null || condition.Op is null)
        {
            throw new ArgumentException("A comparison needs both a path and an operator.", nameof(condition));
        }

        return Compare(Resolve(condition.Path, scope), condition.Op.Value, condition.Value);
    }

    /// <summary>Resolves a rooted path (<c>event.</c>, <c>trigger.</c>, <c>last_event.</c>, <c>contact.</c>).</summary>
    /// <param name="path">The rooted path.</param>
    /// <param name="scope">What it can see.</param>
    public static JsonElement? Resolve(string path, ConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scope);
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var root = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? string.Empty : path[(dot + 1)..];
        return root switch
        {
            PathRoots.Event => PropertyPath.Resolve(scope.Event, rest),
            PathRoots.Trigger => PropertyPath.Resolve(scope.Trigger, rest),
            PathRoots.LastEvent => PropertyPath.Resolve(scope.LastEvent, rest),
            PathRoots.Contact => ContactPaths.Resolve(scope.Contact, rest, scope.Now),
            _ => null,
        };
    }
}
